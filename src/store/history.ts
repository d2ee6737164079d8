import type { EntityManager } from 'typeorm';
import type { Store } from './store';
import type { HistoryEventType } from '../engine/types';
import { HistoryEventEntity } from './entities';
import { insertEntities } from './sql';

export interface NewHistoryEvent {
  eventType: HistoryEventType;
  elementId: string;
  elementType: string;
  at: Date;
  actor: string | null;
  taskId: string | null;
}

/**
 * The one writer of history. Callers hold the instance's row lock, so ids follow the order in
 * which things happened; the events of one call keep the order given.
 */
export async function appendHistory(
  manager: EntityManager,
  instanceId: string,
  events: readonly NewHistoryEvent[],
): Promise<void> {
  await insertEntities(
    manager,
    HistoryEventEntity,
    events.map((event) => ({ instanceId, ...event })),
  );
}

/** An instance's history in the order it happened. */
export function instanceHistory(store: Store, instanceId: string): Promise<HistoryEventEntity[]> {
  return store.manager
    .getRepository(HistoryEventEntity)
    .find({ where: { instanceId }, order: { id: 'ASC' } });
}

/** The user tasks an instance completed, in the order they were. */
export function completedUserTasks(
  store: Store,
  instanceId: string,
): Promise<HistoryEventEntity[]> {
  return store.manager.getRepository(HistoryEventEntity).find({
    where: { instanceId, eventType: 'ELEMENT_COMPLETED', elementType: 'userTask' },
    order: { id: 'ASC' },
  });
}
