import type { EntityManager } from 'typeorm';
import type { Variables } from '../../engine/types';
import { AppError } from '../../errors';
import { JobEntity } from '../entities';
import { openIncident } from '../incidents';
import { consumeJob } from '../jobs';
import { preparedQuery } from '../prepared';
import type { Store } from '../store';
import { correlateWithin } from './correlate';
import { broadcastWithin } from './broadcast';
import type { SentMessage } from './plan/write-plan';
import { UnitOfWork } from './unit-of-work';

/** Messages causing messages delivered at once by the sender; the rest go to the runners. */
const MAX_DELIVERY_DEPTH = 8;
/** How long a chain of messages, each caused by the one before, may grow: a guard against ping-pong. */
const MAX_MESSAGE_HOPS = 100;

/**
 * Delivers what committed steps sent, at once, each message in the transaction that consumes its
 * job. Past a depth of messages causing messages (a ping-pong), or when a delivery fails for a
 * reason other than the receiver's refusal, the rest is left to the runners.
 */
export async function deliverMessages(
  store: Store,
  sent: readonly SentMessage[],
  now: Date,
  depth = 0,
): Promise<void> {
  // In the order a recursion would take: what a delivery sent goes before the next of its round.
  const queue = sent.map(({ jobId }) => ({ jobId, depth }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (item.depth > MAX_DELIVERY_DEPTH) continue;
    let next: SentMessage[];
    try {
      next = await deliverMessageJob(store, item.jobId, now);
    } catch {
      // The sender's step has committed and must not be reported as failed: the job stays,
      // and a runner delivers the message (or records why it cannot).
      continue;
    }
    queue.unshift(...next.map(({ jobId }) => ({ jobId, depth: item.depth + 1 })));
  }
}

/**
 * Delivers one sent message (or broadcasts a thrown signal) and consumes its job in one transaction: it lands once, whether the
 * sender delivers it right after its commit or a runner (`holder`) does later. Without a holder,
 * a message a runner has taken is left to it. A message nobody waits for is dropped, as BPMN's
 * message semantics allow, and so is one whose receiver refuses the step it would cause: the
 * sender's step has committed and is not to be reported as failed; its history records that it
 * sent the message. Returns the messages the delivery sent in turn.
 */
export async function deliverMessageJob(
  store: Store,
  jobId: string,
  now: Date,
  holder?: string,
): Promise<SentMessage[]> {
  try {
    return await store.transaction(async (tx) => {
      const job = await takeMessageJob(tx.manager, jobId, now, holder);
      if (!job?.payload || !('messageName' in job.payload)) return [];
      await consumeJob(tx, job, now);
      const { signal, messageName, correlationKey, variables, from, hops = 0 } = job.payload;
      if (hops >= MAX_MESSAGE_HOPS) {
        // Processes that answer each other for ever: stopped here, with an incident to say so.
        const message = `MESSAGE_LOOP: '${messageName}' was dropped after ${hops} messages, each caused by the one before`;
        await openIncident(tx, { ...job, instanceId: from }, message, now);
        return [];
      }
      const unit = new UnitOfWork(tx, now);
      if (signal) {
        await broadcastWithin(unit, { signalName: messageName, variables: variables as Variables });
      } else {
        await correlateWithin(unit, {
          messageName,
          correlationKey,
          variables: variables as Variables,
        });
      }
      // What this delivery caused is one hop further along the chain.
      await preparedQuery(
        tx.manager,
        `UPDATE job SET payload = jsonb_set(payload, '{hops}', to_jsonb($2::int)) WHERE id = ANY($1)`,
        [unit.sent.map((message) => message.jobId), hops + 1],
      );
      return unit.sent;
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await store.transaction(async (tx) => {
      const job = await takeMessageJob(tx.manager, jobId, now, holder);
      if (job) await consumeJob(tx, job, now);
    });
    return [];
  }
}

/** The message's job, row-locked, if it is still there and this deliverer may take it. */
async function takeMessageJob(
  manager: EntityManager,
  jobId: string,
  now: Date,
  holder: string | undefined,
): Promise<JobEntity | undefined> {
  const [job] = await manager
    .getRepository(JobEntity)
    .createQueryBuilder('j')
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .where("j.id = :jobId AND j.kind = 'message'", { jobId })
    .getMany();
  if (!job) return undefined;
  const free = job.lockedBy === null || (job.lockedUntil !== null && job.lockedUntil <= now);
  return (holder === undefined ? free : job.lockedBy === holder) ? job : undefined;
}
