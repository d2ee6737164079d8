import type { DossierEntity, ProcessInstanceEntity } from '../store/entities';

/**
 * Whether a dossier counts as late (DOMAIN.md): past its appointment unfinished, finished after
 * it, or marked late when asked for papers more than once (Form 02) or given a new date (Form
 * 04: see issueForm). The one rule the officers and the citizen read; the metrics count the same
 * marks and times.
 */
export function isLate(
  dossier: Pick<DossierEntity, 'finishedAt' | 'lateMarked'>,
  instance: Pick<ProcessInstanceEntity, 'overdue' | 'dueAt'>,
): boolean {
  const finishedLate =
    dossier.finishedAt !== null && instance.dueAt !== null && dossier.finishedAt > instance.dueAt;
  return instance.overdue || finishedLate || dossier.lateMarked;
}
