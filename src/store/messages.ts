import type { DataSource, EntityManager } from 'typeorm';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import type { SentMessage } from './apply-effects';
import {
  JobEntity,
  MessageStartEntity,
  MessageSubscriptionEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
} from './entities';
import { createInstance, lockInstance, runCommand } from './instances';
import { openIncident } from './incidents';
import { consumeJob } from './jobs';
import { inTransaction } from './transaction';

export interface Correlation {
  /** WAITING: delivered to an instance that waited for it; STARTED: started new instances. */
  kind: 'WAITING' | 'STARTED';
  elementId: string;
  instances: ProcessInstanceEntity[];
}

/** Messages causing messages delivered at once by the sender; the rest go to the runners. */
const MAX_DELIVERY_DEPTH = 8;
/** How long a chain of messages, each caused by the one before, may grow: a guard against ping-pong. */
const MAX_MESSAGE_HOPS = 100;

/**
 * Delivers a message: to the oldest open wait with this name and key, or else by starting an
 * instance of every process whose latest version has a message start event of this name (the
 * key becomes its business key). Nothing matching: MESSAGE_NOT_CORRELATED, and nothing changes.
 * Messages the step sends are delivered after it commits.
 */
export async function correlateMessage(
  dataSource: DataSource,
  input: MessageInput,
  depth = 0,
): Promise<Correlation> {
  const { correlation, sent } = await inTransaction(dataSource, (manager) =>
    correlateWithin(manager, input),
  );
  await deliverMessages(dataSource, sent, input.now, depth + 1);
  return correlation;
}

interface MessageInput {
  messageName: string;
  correlationKey: string | null;
  variables: Variables;
  now: Date;
}

/** Delivers a message in the caller's transaction; returns what the steps it caused sent. */
async function correlateWithin(
  manager: EntityManager,
  input: MessageInput,
): Promise<{ correlation: Correlation; sent: SentMessage[] }> {
  // The wait is found without a lock and checked again under the instance's lock: another
  // delivery may have taken it meanwhile, and then the next one is tried.
  for (let attempt = 0; attempt < 5; attempt++) {
    const subscription = await manager
      .getRepository(MessageSubscriptionEntity)
      .createQueryBuilder('s')
      .where('s.messageName = :name', { name: input.messageName })
      .andWhere('s.correlationKey IS NOT DISTINCT FROM :key', { key: input.correlationKey })
      .orderBy('s.createdAt', 'ASC')
      .addOrderBy('s.subscriptionId', 'ASC')
      .getOne();
    if (!subscription) break;
    const instance = await lockInstance(manager, subscription.instanceId);
    if (!instance.state.subscriptions.some((s) => s.id === subscription.subscriptionId)) continue;
    const result = await runCommand(
      manager,
      instance,
      {
        type: 'CORRELATE_MESSAGE',
        subscriptionId: subscription.subscriptionId,
        variables: input.variables,
      },
      input.now,
    );
    return {
      correlation: {
        kind: 'WAITING' as const,
        elementId: subscription.elementId,
        instances: [result.instance],
      },
      sent: result.sent,
    };
  }
  const starts = await manager.find(MessageStartEntity, {
    where: { messageName: input.messageName },
    order: { key: 'ASC' },
  });
  if (starts.length === 0) {
    throw new AppError(
      'MESSAGE_NOT_CORRELATED',
      `No instance waits for the message '${input.messageName}'${input.correlationKey === null ? '' : ` with key '${input.correlationKey}'`}, and no process starts with it`,
      { messageName: input.messageName, correlationKey: input.correlationKey ?? undefined },
    );
  }
  const instances: ProcessInstanceEntity[] = [];
  const sent: SentMessage[] = [];
  for (const start of starts) {
    const definition = await manager.findOneByOrFail(ProcessDefinitionEntity, {
      id: start.definitionId,
    });
    const created = await createInstance(manager, definition, {
      businessKey: input.correlationKey,
      variables: input.variables,
      startEventId: start.elementId,
      now: input.now,
    });
    instances.push(created.instance);
    sent.push(...created.sent);
  }
  return {
    correlation: { kind: 'STARTED' as const, elementId: starts[0].elementId, instances },
    sent,
  };
}

/**
 * Delivers what committed steps sent, at once, each message in the transaction that consumes its
 * job. Past a depth of messages causing messages (a ping-pong), or when a delivery fails for a
 * reason other than the receiver's refusal, the rest is left to the runners.
 */
export async function deliverMessages(
  dataSource: DataSource,
  sent: readonly SentMessage[],
  now: Date,
  depth = 0,
): Promise<void> {
  if (depth > MAX_DELIVERY_DEPTH) return;
  for (const { jobId } of sent) {
    let next: SentMessage[];
    try {
      next = await deliverMessageJob(dataSource, jobId, now);
    } catch {
      // The sender's step has committed and must not be reported as failed: the job stays,
      // and a runner delivers the message (or records why it cannot).
      continue;
    }
    await deliverMessages(dataSource, next, now, depth + 1);
  }
}

/**
 * Delivers one sent message and consumes its job in one transaction: it lands once, whether the
 * sender delivers it right after its commit or a runner (`holder`) does later. Without a holder,
 * a message a runner has taken is left to it. A message nobody waits for is dropped, as BPMN's
 * message semantics allow, and so is one whose receiver refuses the step it would cause: the
 * sender's step has committed and is not to be reported as failed; its history records that it
 * sent the message. Returns the messages the delivery sent in turn.
 */
export async function deliverMessageJob(
  dataSource: DataSource,
  jobId: string,
  now: Date,
  holder?: string,
): Promise<SentMessage[]> {
  try {
    return await inTransaction(dataSource, async (manager) => {
      const job = await takeMessageJob(manager, jobId, now, holder);
      if (!job?.payload) return [];
      await consumeJob(manager, job, now);
      const { messageName, correlationKey, variables, from, hops = 0 } = job.payload;
      if (hops >= MAX_MESSAGE_HOPS) {
        // Processes that answer each other for ever: stopped here, with an incident to say so.
        await openIncident(
          manager,
          { ...job, instanceId: from },
          `MESSAGE_LOOP: '${messageName}' was dropped after ${hops} messages, each caused by the one before`,
          now,
        );
        return [];
      }
      const { sent } = await correlateWithin(manager, {
        messageName,
        correlationKey,
        variables: variables as Variables,
        now,
      });
      // What this delivery caused is one hop further along the chain.
      await manager.query(
        `UPDATE job SET payload = jsonb_set(payload, '{hops}', to_jsonb($2::int)) WHERE id = ANY($1)`,
        [sent.map((message) => message.jobId), hops + 1],
      );
      return sent;
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await inTransaction(dataSource, async (manager) => {
      const job = await takeMessageJob(manager, jobId, now, holder);
      if (job) await consumeJob(manager, job, now);
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
