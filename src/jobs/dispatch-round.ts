import type { Logger } from 'pino';
import { claimDispatches, settleDispatch, type DispatchChanges } from '../store/dispatch';
import type { DispatchEntity, DispatchTopic, NotificationChannel } from '../store/entities';
import { closeIncidentsOf, insertIncident } from '../store/incidents';
import type { Store } from '../store/store';
import { backoffAfter } from './failure';
import { SendFailure } from './notify/transport';

/** How a row's try ended: what to record on it. */
export type TryResult =
  | { outcome: 'SENT'; providerId: string | null; channel?: DispatchEntity['channel'] }
  | { outcome: 'SKIPPED'; reason: string };

export interface DispatchRound {
  holder: string;
  lockSeconds: number;
  clock: () => Date;
  logger?: Logger;
  batch?: number;
}

export interface DispatchPolicy {
  topic: DispatchTopic;
  /** For notifications: the channels this runner has providers for (others wait for another). */
  channels?: NotificationChannel[];
  /** The failed tries after which an incident is opened. */
  attemptsBeforeIncident: number;
  /** Whether the row then stops (a notification) or goes on being tried (the portal's). */
  giveUp: boolean;
  /** Records a success in the caller's transaction (the portal's acknowledgement, say). */
  settle?: (tx: Store, row: DispatchEntity, changes: DispatchChanges) => Promise<boolean>;
}

/**
 * Takes the due rows of a topic and tries them, side by side: what `attempt` answers is recorded on the row;
 * a failure waits longer each time (10 s, 20 s… up to an hour), and at the policy's count opens
 * an incident. Rows are let go as they are done, so a runner that dies holds none for longer
 * than its hold. Returns how many rows were tried.
 */
export async function runDispatchRound(
  store: Store,
  policy: DispatchPolicy,
  round: DispatchRound,
  attempt: (row: DispatchEntity) => Promise<TryResult>,
): Promise<number> {
  const batch = round.batch ?? 20;
  let tried = 0;
  for (;;) {
    const rows = await claimDispatches(store, {
      topic: policy.topic,
      channels: policy.channels ?? [],
      holder: round.holder,
      max: batch,
      lockSeconds: round.lockSeconds,
      now: round.clock(),
    });
    // Side by side: a slow provider costs the batch one wait, not one per row. The rows taken
    // together are of different dossiers (see claimDispatches), so each dossier's order holds.
    await Promise.all(
      rows.map(async (row) => {
        let result: TryResult;
        try {
          result = await attempt(row);
        } catch (error) {
          await recordFailure(store, policy, round, row, error);
          return;
        }
        await recordResult(store, policy, round, row, result);
      }),
    );
    tried += rows.length;
    if (rows.length < batch) return tried;
  }
}

async function recordResult(
  store: Store,
  policy: DispatchPolicy,
  round: DispatchRound,
  row: DispatchEntity,
  result: TryResult,
): Promise<void> {
  const now = round.clock();
  const changes: DispatchChanges =
    result.outcome === 'SENT'
      ? { outcome: 'SENT', sentAt: now, providerId: result.providerId, lastError: null }
      : { outcome: 'SKIPPED', sentAt: null, lastError: result.reason };
  if (result.outcome === 'SENT' && result.channel) changes.channel = result.channel;
  changes.attempts = row.attempts + 1;
  const settle = policy.settle ?? ((tx, r, c) => settleDispatch(tx, r.id, round.holder, c));
  const settled = await store.transaction(async (tx) => {
    const done = await settle(tx, row, changes);
    // Tried on after its incident opened (the portal's rows): the incident ends with it.
    if (done && row.attempts >= policy.attemptsBeforeIncident)
      await closeIncidentsOf(tx, [row.id], now);
    return done;
  });
  if (!settled) round.logger?.warn({ dispatch: row.id }, 'outbox row was taken over meanwhile');
}

async function recordFailure(
  store: Store,
  policy: DispatchPolicy,
  round: DispatchRound,
  row: DispatchEntity,
  error: unknown,
): Promise<void> {
  const now = round.clock();
  const attempts = row.attempts + 1;
  // Only a provider's answer is kept: another error's text might hold what the row was about.
  const message = error instanceof SendFailure ? error.message : `failed (${errorName(error)})`;
  const stop = policy.giveUp && attempts >= policy.attemptsBeforeIncident;
  round.logger?.warn(
    { dispatch: row.id, topic: row.topic, attempts, error: message },
    'outbox row not sent',
  );
  await store.transaction(async (tx) => {
    const settled = await settleDispatch(tx, row.id, round.holder, {
      attempts,
      lastError: message,
      outcome: stop ? 'FAILED' : null,
      dueAt: new Date(now.getTime() + backoffAfter(attempts) * 1000),
    });
    if (settled && attempts === policy.attemptsBeforeIncident) {
      await insertIncident(tx, {
        jobId: row.id,
        instanceId: row.instanceId,
        elementId: `${row.topic.toLowerCase()}:${row.event}`,
        jobType: row.topic === 'NOTIFY' ? 'notification' : 'portal-sync',
        message: `${row.dossierCode}: ${message}`,
        now,
      });
    }
  });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
