import type { Variables } from '../../engine/types';
import { AppError } from '../../errors';
import {
  MessageStartEntity,
  MessageSubscriptionEntity,
  ProcessDefinitionEntity,
} from '../entities';
import type { ProcessInstanceEntity } from '../entities';
import type { UnitOfWork } from './unit-of-work';

export interface Correlation {
  /** WAITING: delivered to an instance that waited for it; STARTED: started new instances. */
  kind: 'WAITING' | 'STARTED';
  elementId: string;
  instances: ProcessInstanceEntity[];
}

export interface MessageInput {
  messageName: string;
  correlationKey: string | null;
  variables: Variables;
}

/**
 * Delivers a message in a unit of work: to the oldest open wait with this name and key, or else
 * by starting an instance of every process whose latest version has a message start event of
 * this name (the key becomes its business key). Nothing matching: MESSAGE_NOT_CORRELATED.
 */
export async function correlateWithin(unit: UnitOfWork, input: MessageInput): Promise<Correlation> {
  return (await deliverToWait(unit, input)) ?? (await startByMessage(unit, input));
}

async function deliverToWait(
  unit: UnitOfWork,
  input: MessageInput,
): Promise<Correlation | undefined> {
  const { manager } = unit.tx;
  // The wait is found without a lock and checked again under the instance's lock: another
  // delivery may have taken it meanwhile, and then the next one is tried.
  for (let attempt = 0; attempt < 5; attempt++) {
    const subscription = await manager
      .getRepository(MessageSubscriptionEntity)
      .createQueryBuilder('s')
      .where("s.kind = 'message' AND s.messageName = :name", { name: input.messageName })
      .andWhere('s.correlationKey IS NOT DISTINCT FROM :key', { key: input.correlationKey })
      .orderBy('s.createdAt', 'ASC')
      .addOrderBy('s.subscriptionId', 'ASC')
      .getOne();
    if (!subscription) return undefined;
    const locked = await unit.lock(subscription.instanceId);
    const { subscriptionId } = subscription;
    if (!locked.instance.state.subscriptions.some((s) => s.id === subscriptionId)) continue;
    const { variables } = input;
    const { instance } = await unit.step(locked, {
      type: 'CORRELATE_MESSAGE',
      subscriptionId,
      variables,
    });
    return { kind: 'WAITING', elementId: subscription.elementId, instances: [instance] };
  }
  return undefined;
}

async function startByMessage(unit: UnitOfWork, input: MessageInput): Promise<Correlation> {
  const { manager } = unit.tx;
  const starts = await manager.find(MessageStartEntity, {
    where: { kind: 'message', messageName: input.messageName },
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
  for (const start of starts) {
    const definition = await manager.findOneByOrFail(ProcessDefinitionEntity, {
      id: start.definitionId,
    });
    const { instance } = await unit.start(definition, {
      businessKey: input.correlationKey,
      variables: input.variables,
      startEventId: start.elementId,
    });
    instances.push(instance);
  }
  return { kind: 'STARTED', elementId: starts[0].elementId, instances };
}
