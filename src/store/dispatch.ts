import {
  DispatchEntity,
  NotificationTemplateEntity,
  type DispatchOutcome,
  type DispatchTopic,
  type NotificationChannel,
  type NotificationEvent,
} from './entities';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/**
 * The rows `d` of the topic (parameter `$1`) a runner may send, for the channels (`$2`) it has
 * providers for when they are a citizen's notifications: not sent yet, and only a dossier's
 * oldest row still waiting, so that each dossier's rows go in their order.
 */
const SENDABLE = `d.topic = $1 AND d.outcome IS NULL
  AND ($1 <> 'NOTIFY' OR d.channel = ANY($2))
  AND NOT EXISTS (SELECT 1 FROM dispatch e
                   WHERE e.dossier_code = d.dossier_code AND e.topic = d.topic
                     AND e.outcome IS NULL AND e.seq < d.seq)`;

/** Which rows a runner sends: a topic, and for notifications the channels it has providers for. */
export interface DispatchScope {
  topic: DispatchTopic;
  channels: NotificationChannel[];
}

/**
 * Takes up to `max` due rows in the scope for `holder`, until `lockSeconds` from now (see
 * SENDABLE): one dossier's rows one at a time, in their order.
 */
export function claimDispatches(
  store: Store,
  input: DispatchScope & { holder: string; max: number; lockSeconds: number; now: Date },
): Promise<DispatchEntity[]> {
  const until = new Date(input.now.getTime() + input.lockSeconds * 1000);
  return store.transaction(async ({ manager }) => {
    const rows = await preparedQuery<{ id: string }>(
      manager,
      `UPDATE dispatch SET locked_by = $4, locked_until = $5
        WHERE id IN (
          SELECT d.id FROM dispatch d
           WHERE ${SENDABLE} AND (d.due_at IS NULL OR d.due_at <= $3)
             AND (d.locked_until IS NULL OR d.locked_until < $3)
           ORDER BY d.seq LIMIT $6
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [input.topic, input.channels, input.now, input.holder, until, input.max],
    );
    if (rows.length === 0) return [];
    return manager
      .getRepository(DispatchEntity)
      .find({ where: rows.map(({ id }) => ({ id })), order: { seq: 'ASC' } });
  });
}

/** What a try changes on its row. */
export interface DispatchChanges {
  attempts?: number;
  outcome?: DispatchOutcome | null;
  sentAt?: Date | null;
  dueAt?: Date | null;
  channel?: DispatchEntity['channel'];
  providerId?: string | null;
  lastError?: string | null;
}

/**
 * Records a try on a row this holder took, and lets it go; in the caller's transaction. Answers
 * false when the row is no longer the holder's (its hold ran out and another runner took it).
 */
export async function settleDispatch(
  tx: Store,
  id: string,
  holder: string,
  changes: DispatchChanges,
): Promise<boolean> {
  const result = await tx.manager
    .createQueryBuilder()
    .update(DispatchEntity)
    .set({ ...changes, lockedBy: null, lockedUntil: null })
    .where('id = :id AND locked_by = :holder', { id, holder })
    .execute();
  return (result.affected ?? 0) > 0;
}

/**
 * A row given new tries by an administrator (its incident retried), due now: one that failed,
 * or a portal row still being tried. Answers false for a row sent or skipped, or gone.
 */
export async function rearmDispatch(tx: Store, id: string): Promise<boolean> {
  const rows = await preparedQuery(
    tx.manager,
    `UPDATE dispatch SET outcome = NULL, attempts = 0, due_at = NULL, locked_by = NULL,
                         locked_until = NULL
      WHERE id = $1 AND (outcome IS NULL OR outcome = 'FAILED') RETURNING 1`,
    [id],
  );
  return rows.length > 0;
}

/** A dossier's rows, oldest first. */
export function dispatchesOf(store: Store, dossierCode: string): Promise<DispatchEntity[]> {
  return store.manager.find(DispatchEntity, { where: { dossierCode }, order: { seq: 'ASC' } });
}

/**
 * The portal acknowledged a row: it is recorded, and the dossier counts as synchronized once
 * none of its portal rows waits. Under its instance's lock, the lock of every step, so that a
 * status changed at this moment is never counted as acknowledged.
 */
export async function acknowledgePortalRow(
  tx: Store,
  row: DispatchEntity,
  holder: string,
  changes: DispatchChanges,
): Promise<boolean> {
  await preparedQuery(tx.manager, 'SELECT 1 FROM process_instance WHERE id = $1 FOR UPDATE', [
    row.instanceId,
  ]);
  if (!(await settleDispatch(tx, row.id, holder, changes))) return false;
  await preparedQuery(
    tx.manager,
    `UPDATE dossier SET portal_synced = true
      WHERE code = $1 AND received_day = $2 AND NOT portal_synced
        AND NOT EXISTS (SELECT 1 FROM dispatch
                         WHERE dossier_code = $1 AND topic = 'PORTAL' AND outcome IS NULL)`,
    [row.dossierCode, row.receivedDay],
  );
  return true;
}

/**
 * When the runner should look again for rows in `scope`: the earliest retry or hold's end (the
 * epoch when a row waits for its first try: now). A row waiting behind an earlier one of its
 * dossier is not counted: it is due when that one is sent.
 */
export async function nextDispatchDue(store: Store, scope: DispatchScope): Promise<Date | null> {
  const [row] = await preparedQuery<{ due: Date | null }>(
    store.manager,
    `SELECT min(GREATEST(COALESCE(d.due_at, 'epoch'), COALESCE(d.locked_until, 'epoch'))) AS due
       FROM dispatch d WHERE ${SENDABLE}`,
    [scope.topic, scope.channels],
  );
  return row?.due ?? null;
}

export function savedTemplates(store: Store): Promise<NotificationTemplateEntity[]> {
  return store.manager.find(NotificationTemplateEntity);
}

export async function saveTemplate(
  tx: Store,
  template: { event: NotificationEvent; text: string; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await tx.manager.upsert(NotificationTemplateEntity, template, ['event']);
}

export async function removeTemplate(tx: Store, event: NotificationEvent): Promise<void> {
  await tx.manager.delete(NotificationTemplateEntity, { event });
}
