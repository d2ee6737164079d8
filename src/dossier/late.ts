import { openLateness } from '../calendar/timeliness';
import type { DossierEntity } from '../store/entities';

/**
 * Whether a dossier counts as late: judged LATE when its result reached the desk, or, still
 * open, overdue now by the lateness rule (past its appointment with the clock running, or late
 * by rule: asked for papers more than once, or given a new date). A dossier of a procedure with
 * no statutory time is never late. The one rule the officers, the citizen and the figures read.
 */
export function isLate(
  dossier: Pick<
    DossierEntity,
    'outcome' | 'finishedAt' | 'appointmentAt' | 'lateMarked' | 'overdue' | 'clockPaused'
  >,
  now: Date,
): boolean {
  if (dossier.outcome) return dossier.outcome === 'LATE';
  // Refused, stopped or withdrawn before a result: as it stood when it ended.
  return openLateness(dossier, dossier.finishedAt ?? now) === 'OVERDUE';
}
