import type { Variables } from '../../engine/types';
import {
  MessageStartEntity,
  MessageSubscriptionEntity,
  ProcessDefinitionEntity,
  type ProcessInstanceEntity,
} from '../entities';
import type { UnitOfWork } from './unit-of-work';

export interface SignalInput {
  signalName: string;
  variables: Variables;
}

export interface Broadcast {
  /** The instances that were waiting for the signal, and caught it. */
  caught: ProcessInstanceEntity[];
  /** The instances the signal started (processes whose latest version begins with it). */
  started: ProcessInstanceEntity[];
}

/**
 * Broadcasts a signal in a unit of work: every open wait for its name catches it, instance by
 * instance in the lock order, and every process whose latest version has a signal start event
 * of the name starts. Unlike a message, a signal nobody waits for is no error: it is simply gone.
 */
export async function broadcastWithin(unit: UnitOfWork, input: SignalInput): Promise<Broadcast> {
  const { manager } = unit.tx;
  const waits = await manager.find(MessageSubscriptionEntity, {
    where: { kind: 'signal', messageName: input.signalName },
    order: { instanceId: 'ASC', subscriptionId: 'ASC' },
  });
  const caught = new Map<string, ProcessInstanceEntity>();
  for (const wait of waits) {
    const locked = await unit.lock(wait.instanceId);
    // An earlier catch of the same broadcast may have closed this wait (an interrupting event).
    const open = locked.instance.state.subscriptions.some((s) => s.id === wait.subscriptionId);
    if (locked.instance.status !== 'ACTIVE' || !open) continue;
    const { instance } = await unit.step(locked, {
      type: 'CATCH_SIGNAL',
      subscriptionId: wait.subscriptionId,
      variables: input.variables,
    });
    caught.set(instance.id, instance);
  }
  const starts = await manager.find(MessageStartEntity, {
    where: { kind: 'signal', messageName: input.signalName },
    order: { key: 'ASC' },
  });
  const started: ProcessInstanceEntity[] = [];
  for (const start of starts) {
    const definition = await manager.findOneByOrFail(ProcessDefinitionEntity, {
      id: start.definitionId,
    });
    const { instance } = await unit.start(definition, {
      businessKey: null,
      variables: input.variables,
      startEventId: start.elementId,
    });
    started.push(instance);
  }
  return { caught: [...caught.values()], started };
}
