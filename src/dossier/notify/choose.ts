import type { DossierEntity, NotificationChannel } from '../../store/entities';
import { updateDossier } from '../../store/dossiers';
import type { Store } from '../../store/store';
import { withLockedDossier } from '../locked';
import { notificationChoice } from './choice';

/**
 * The citizen changes how they are told, or stops being told (`null`): what is still waiting
 * to be sent goes by the new channel, or not at all. Under the dossier's lock, so that a
 * notification written at this moment follows the choice.
 */
export function chooseNotifications(
  store: Store,
  code: string,
  channel: NotificationChannel | null,
  now: Date,
): Promise<DossierEntity> {
  return withLockedDossier(store, code, now, async ({ tx, dossier }) => {
    const notifyBy = notificationChoice(dossier.applicant, channel);
    await updateDossier(tx, code, { notifyBy });
    return { ...dossier, notifyBy };
  });
}
