import type { Store } from '../store/store';
import type { DossierEntity } from '../store/entities';
import { issueForm, withLockedDossier } from './locked';
import { transition } from './life-cycle/machine';

/**
 * The dossier will be late: the office apologizes in writing with the reason and a new
 * appointment (Form 04), at least one working day before the current one, and only once. The
 * process checks the dates (EXTEND_APPOINTMENT); the dossier still counts as late.
 */
export function extendDossier(
  store: Store,
  input: { code: string; appointment: Date; reason: string; by: string; now: Date },
): Promise<DossierEntity> {
  return withLockedDossier(store, input.code, input.now, async ({ tx, dossier, instance, run }) => {
    const { form } = transition(dossier, 'EXTEND');
    const previous = instance.dueAt;
    await run({
      type: 'EXTEND_APPOINTMENT',
      dueAt: input.appointment.toISOString(),
      actor: input.by,
    });
    const markedLate = await issueForm(tx, dossier.code, form!, input.by, input.now, {
      reason: input.reason,
      previousAppointment: previous?.toISOString() ?? null,
      newAppointment: input.appointment.toISOString(),
    });
    if (markedLate) dossier.lateMarked = true;
    return dossier;
  });
}
