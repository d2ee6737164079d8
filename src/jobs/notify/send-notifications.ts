import { composeNotification, templatesInForce } from '../../dossier/notify/compose';
import type { Store } from '../../store/store';
import { runDispatchRound, type DispatchRound } from '../dispatch-round';
import type { NotificationChannel } from '../../store/entities';
import { SendFailure, type Transports } from './transport';

/** A notification is tried five times (about five minutes), then waits for an administrator. */
const NOTIFY_POLICY = { topic: 'NOTIFY', attemptsBeforeIncident: 5, giveUp: true } as const;

/**
 * Sends the citizens' notifications that are due, each by the channel the citizen chose, as
 * the templates in force word it. A citizen who opted out is skipped, and the reason recorded. A
 * channel this runner has no provider for is left to a runner that has one.
 */
export async function sendDueNotifications(
  store: Store,
  transports: Transports,
  round: DispatchRound,
): Promise<number> {
  const templates = await templatesInForce(store);
  const channels = Object.keys(transports) as NotificationChannel[];
  return runDispatchRound(store, { ...NOTIFY_POLICY, channels }, round, async (row) => {
    const composed = await composeNotification(store, row, templates);
    if (!composed.send) return { outcome: 'SKIPPED', reason: composed.reason };
    // The row's channel is the citizen's (kept so by chooseNotifications), which this runner has.
    const transport = transports[composed.channel];
    if (!transport) throw new SendFailure(`no ${composed.channel} provider on this runner`);
    const { providerId } = await transport.send({
      to: composed.to,
      dossierCode: row.dossierCode,
      subject: composed.subject,
      text: composed.text,
      idempotencyKey: row.id,
    });
    return { outcome: 'SENT', providerId, channel: composed.channel };
  });
}
