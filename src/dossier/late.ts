import type { DossierEntity, ProcessInstanceEntity } from '../store/entities';

/**
 * Whether a dossier counts as late (DOMAIN.md): past its appointment unfinished, finished after
 * it, asked for papers more than once (Form 02), or given a new date (Form 04). The one rule the
 * officers, the citizen and the metrics read.
 */
export function isLate(
  dossier: Pick<DossierEntity, 'finishedAt'>,
  instance: Pick<ProcessInstanceEntity, 'overdue' | 'dueAt'>,
  formsIssued: readonly string[],
): boolean {
  const finishedLate =
    dossier.finishedAt !== null && instance.dueAt !== null && dossier.finishedAt > instance.dueAt;
  return (
    instance.overdue ||
    finishedLate ||
    formsIssued.filter((number) => number === '02').length > 1 ||
    formsIssued.includes('04')
  );
}
