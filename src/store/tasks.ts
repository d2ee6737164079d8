import type { HistoryEventType } from '../engine/types';
import { TaskEntity, TaskHandOnEntity } from './entities';
import { appendHistory } from './history';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';
import type { Store } from './store';

/** Who may act on a task, checked once it is locked: throws to refuse, and nothing changes. */
export type TaskGuard = (tx: Store, task: TaskEntity) => Promise<void>;

/** A task as it is now (read with plain SQL: this is every step's path). */
export async function readTask(tx: Store, id: string): Promise<TaskEntity | null> {
  const [row] = await preparedQuery(tx.manager, 'SELECT * FROM task WHERE id = $1', [id]);
  return row ? entityFromRow(tx.manager, TaskEntity, row) : null;
}

/** Who holds a task now: an officer (CLAIMED), or nobody (OPEN); `agency` when it moved. */
export async function setTaskHolder(
  tx: Store,
  taskId: string,
  change: Pick<TaskEntity, 'assignee' | 'state' | 'claimedAt'> & { agency?: string },
): Promise<void> {
  await tx.manager.update(TaskEntity, { id: taskId }, change);
}

/** A hand-on to another agency, kept with its reason for the control sheet. */
export async function recordHandOn(tx: Store, handOn: Omit<TaskHandOnEntity, 'id'>): Promise<void> {
  await tx.manager.insert(TaskHandOnEntity, handOn);
}

export async function agencyExists(tx: Store, code: string): Promise<boolean> {
  const rows = await preparedQuery(tx.manager, 'SELECT 1 FROM agency WHERE code = $1', [code]);
  return rows.length > 0;
}

/** An event of a task that moved no token (claimed, handed on…), in its instance's history. */
export async function recordTaskEvent(
  tx: Store,
  task: TaskEntity,
  eventType: Extract<
    HistoryEventType,
    'TASK_CLAIMED' | 'TASK_UNCLAIMED' | 'TASK_ASSIGNED' | 'TASK_HANDED_ON'
  >,
  actor: string | null,
  now: Date,
): Promise<void> {
  await appendHistory(tx.manager, task.instanceId, [
    {
      eventType,
      elementId: task.elementId,
      elementType: 'userTask',
      at: now,
      actor,
      taskId: task.id,
    },
  ]);
}

/** The tasks of an instance still waiting for an officer, in creation order. */
export async function openTasksOf(store: Store, instanceId: string): Promise<TaskEntity[]> {
  const rows = await preparedQuery(
    store.manager,
    `SELECT * FROM task WHERE instance_id = $1 AND state IN ('OPEN', 'CLAIMED') ORDER BY seq`,
    [instanceId],
  );
  return rows.map((row) => entityFromRow(store.manager, TaskEntity, row));
}

/** The open tasks of an instance at some elements (e.g. the steps waiting for the result to go back). */
export async function openTasksAt(
  store: Store,
  instanceId: string,
  elementIds: string[],
): Promise<TaskEntity[]> {
  if (elementIds.length === 0) return [];
  const rows = await preparedQuery(
    store.manager,
    `SELECT * FROM task WHERE instance_id = $1 AND state IN ('OPEN', 'CLAIMED')
        AND element_id = ANY($2) ORDER BY seq`,
    [instanceId, elementIds],
  );
  return rows.map((row) => entityFromRow(store.manager, TaskEntity, row));
}

/** A closed task's row, as the step that closed it returned it. */
export function taskFromRow(store: Store, row: Record<string, unknown>): TaskEntity {
  return entityFromRow(store.manager, TaskEntity, row);
}
