import type { DataSource } from 'typeorm';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import type { SentMessage } from './apply-effects';
import {
  MessageStartEntity,
  MessageSubscriptionEntity,
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
} from './entities';
import { createInstance, lockInstance, runCommand } from './instances';
import { inTransaction } from './transaction';

export interface Correlation {
  /** WAITING: delivered to an instance that waited for it; STARTED: started new instances. */
  kind: 'WAITING' | 'STARTED';
  elementId: string;
  instances: ProcessInstanceEntity[];
}

/** How many times a message may cause another before delivery stops: a guard against ping-pong. */
const MAX_DELIVERY_DEPTH = 8;

/**
 * Delivers a message: to the oldest open wait with this name and key, or else by starting an
 * instance of every process whose latest version has a message start event of this name (the
 * key becomes its business key). Nothing matching: MESSAGE_NOT_CORRELATED, and nothing changes.
 * Messages the step sends are delivered after it commits.
 */
export async function correlateMessage(
  dataSource: DataSource,
  input: { messageName: string; correlationKey: string | null; variables: Variables; now: Date },
  depth = 0,
): Promise<Correlation> {
  const { correlation, sent } = await inTransaction(dataSource, async (manager) => {
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
  });
  await deliverMessages(dataSource, sent, input.now, depth + 1);
  return correlation;
}

/**
 * Delivers what committed steps sent. A message nobody waits for is dropped, as BPMN's message
 * semantics allow, and so is one whose receiver refuses the step it would cause: the sender's
 * step has committed and must not be reported as failed. Its history records that it was sent.
 */
export async function deliverMessages(
  dataSource: DataSource,
  sent: readonly SentMessage[],
  now: Date,
  depth = 0,
): Promise<void> {
  if (depth > MAX_DELIVERY_DEPTH) return;
  for (const message of sent) {
    try {
      await correlateMessage(dataSource, { ...message, now }, depth);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}
