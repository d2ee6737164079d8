import type { DataSource, EntityManager } from 'typeorm';
import type { Variables } from '../engine/types';
import { AppError, notFound } from '../errors';
import { ProcessInstanceEntity, TaskEntity, TaskHandOnEntity, type TaskState } from './entities';
import { appendHistory } from './history';
import { isUuid, lockInstanceOfTask, runCommand } from './instances';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';
import { deliverMessages } from './messages';
import { formOfTask } from './step-forms';
import { inTransaction } from './transaction';
import { checkSubmission } from '../step-forms/submission';

export async function findTask(dataSource: DataSource, id: string): Promise<TaskEntity | null> {
  if (!isUuid(id)) return null;
  return dataSource.getRepository(TaskEntity).findOneBy({ id });
}

/** Who may act on a task, checked once it is locked: throws to refuse, and nothing changes. */
export type TaskGuard = (manager: EntityManager, task: TaskEntity) => Promise<void>;

/**
 * Every change to a task happens while its instance's row is locked, so a task read after the
 * lock is current, two officers cannot both act on it, and the guard sees what is acted on.
 */
async function withLockedTask<T>(
  dataSource: DataSource,
  taskId: string,
  guard: TaskGuard | undefined,
  work: (manager: EntityManager, task: TaskEntity, instance: ProcessInstanceEntity) => Promise<T>,
): Promise<T> {
  if (!isUuid(taskId)) throw notFound('Task', taskId, { taskId });
  return inTransaction(dataSource, async (manager) => {
    const instance = await lockInstanceOfTask(manager, taskId);
    const task = instance && (await readTask(manager, taskId));
    if (!instance || !task) throw notFound('Task', taskId, { taskId });
    if (!isOpen(task.state)) throw notOpen(task);
    await guard?.(manager, task);
    return work(manager, task, instance);
  });
}

/** A task as it is now (read with plain SQL: this is every step's path). */
async function readTask(manager: EntityManager, id: string): Promise<TaskEntity | null> {
  const [row] = await preparedQuery(manager, 'SELECT * FROM task WHERE id = $1', [id]);
  return row ? entityFromRow(manager, TaskEntity, row) : null;
}

function isOpen(state: TaskState): boolean {
  return state === 'OPEN' || state === 'CLAIMED';
}

function notOpen(task: TaskEntity): AppError {
  return new AppError('TASK_NOT_OPEN', `Task '${task.id}' (${task.elementId}) is ${task.state}`, {
    taskId: task.id,
    elementId: task.elementId,
  });
}

async function recordTaskEvent(
  manager: EntityManager,
  task: TaskEntity,
  eventType: 'TASK_CLAIMED' | 'TASK_UNCLAIMED' | 'TASK_ASSIGNED' | 'TASK_HANDED_ON',
  actor: string | null,
  now: Date,
): Promise<void> {
  await appendHistory(manager, task.instanceId, [
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

/** An officer takes an open task for themselves. */
export async function claimTask(
  dataSource: DataSource,
  input: { taskId: string; assignee: string; now: Date; guard?: TaskGuard },
): Promise<TaskEntity> {
  return withLockedTask(dataSource, input.taskId, input.guard, async (manager, task) => {
    if (task.assignee === input.assignee) return task;
    if (task.assignee !== null) {
      throw new AppError(
        'TASK_ALREADY_CLAIMED',
        `Task '${task.id}' is already claimed by '${task.assignee}'`,
        {
          taskId: task.id,
          elementId: task.elementId,
        },
      );
    }
    await holdTask(manager, task, input.assignee, input.now);
    await recordTaskEvent(manager, task, 'TASK_CLAIMED', input.assignee, input.now);
    return task;
  });
}

/** Someone (a leader) gives an open task to an officer, taking it from whoever held it. */
export async function assignTask(
  dataSource: DataSource,
  input: { taskId: string; assignee: string; actor: string; now: Date; guard?: TaskGuard },
): Promise<TaskEntity> {
  return withLockedTask(dataSource, input.taskId, input.guard, async (manager, task) => {
    if (task.assignee === input.assignee) return task;
    await holdTask(manager, task, input.assignee, input.now);
    await recordTaskEvent(manager, task, 'TASK_ASSIGNED', input.actor, input.now);
    return task;
  });
}

async function holdTask(
  manager: EntityManager,
  task: TaskEntity,
  assignee: string,
  now: Date,
): Promise<void> {
  Object.assign(task, { assignee, state: 'CLAIMED', claimedAt: now });
  await manager.update(TaskEntity, { id: task.id }, { assignee, state: 'CLAIMED', claimedAt: now });
}

/** A held task goes back to its roles; `actor` is who let it go (its holder by default). */
export async function unclaimTask(
  dataSource: DataSource,
  input: { taskId: string; now: Date; actor?: string; guard?: TaskGuard },
): Promise<TaskEntity> {
  return withLockedTask(dataSource, input.taskId, input.guard, async (manager, task) => {
    if (task.assignee === null) {
      throw new AppError('TASK_NOT_CLAIMED', `Task '${task.id}' is not claimed`, {
        taskId: task.id,
        elementId: task.elementId,
      });
    }
    const previous = task.assignee;
    Object.assign(task, { assignee: null, state: 'OPEN', claimedAt: null });
    await manager.update(
      TaskEntity,
      { id: task.id },
      { assignee: null, state: 'OPEN', claimedAt: null },
    );
    await recordTaskEvent(manager, task, 'TASK_UNCLAIMED', input.actor ?? previous, input.now);
    return task;
  });
}

/**
 * An officer hands a step on to another agency (chuyển xử lý): it waits there for the same
 * roles, held by nobody, and the hand-on is kept with its reason for the control sheet.
 */
export async function handOnTask(
  dataSource: DataSource,
  input: {
    taskId: string;
    agency: string;
    reason: string;
    actor: string;
    now: Date;
    guard?: TaskGuard;
  },
): Promise<TaskEntity> {
  return withLockedTask(dataSource, input.taskId, input.guard, async (manager, task, instance) => {
    const from = task.agency ?? instance.agency;
    if (from === input.agency) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Task '${task.id}' (${task.elementId}) is already at '${input.agency}'`,
        {
          field: 'agency',
          taskId: task.id,
          elementId: task.elementId,
        },
      );
    }
    const [known] = (await manager.query('SELECT 1 FROM agency WHERE code = $1', [
      input.agency,
    ])) as unknown[];
    if (!known) {
      throw new AppError('BAD_USER_INPUT', `No agency has the code '${input.agency}'`, {
        field: 'agency',
        taskId: task.id,
      });
    }
    const change = {
      agency: input.agency,
      assignee: null,
      state: 'OPEN' as const,
      claimedAt: null,
    };
    Object.assign(task, change);
    await manager.update(TaskEntity, { id: task.id }, change);
    await manager.insert(TaskHandOnEntity, {
      taskId: task.id,
      fromAgency: from,
      toAgency: input.agency,
      handedBy: input.actor,
      handedAt: input.now,
      reason: input.reason,
    });
    await recordTaskEvent(manager, task, 'TASK_HANDED_ON', input.actor, input.now);
    return task;
  });
}

/** Completes a task: the engine moves the instance on and the task closes, in one transaction. */
export async function completeTask(
  dataSource: DataSource,
  input: { taskId: string; variables: Variables; actor?: string; now: Date; guard?: TaskGuard },
): Promise<TaskEntity> {
  const { task, sent } = await withLockedTask(
    dataSource,
    input.taskId,
    input.guard,
    async (manager, task, instance) => {
      const form = await formOfTask(manager, task);
      if (form)
        checkSubmission(form.schema, input.variables, {
          taskId: task.id,
          elementId: task.elementId,
        });
      const actor = input.actor ?? task.assignee ?? undefined;
      const { sent, closedTasks } = await runCommand(
        manager,
        instance,
        { type: 'COMPLETE_TASK', waitId: task.waitId, variables: input.variables, actor },
        input.now,
        new Map([[task.waitId, { id: task.id, createdAt: task.createdAt }]]),
      );
      const closed = closedTasks.get(task.waitId);
      return { task: closed ? entityFromRow(manager, TaskEntity, closed) : task, sent };
    },
  );
  await deliverMessages(dataSource, sent, input.now);
  return task;
}

/** The tasks of an instance still waiting for an officer, in creation order. */
export async function openTasksOf(
  dataSource: DataSource,
  instanceId: string,
): Promise<TaskEntity[]> {
  const rows = await preparedQuery(
    dataSource,
    `SELECT * FROM task WHERE instance_id = $1 AND state IN ('OPEN', 'CLAIMED') ORDER BY seq`,
    [instanceId],
  );
  return rows.map((row) => entityFromRow(dataSource.manager, TaskEntity, row));
}

/** The open tasks of an instance at some elements (e.g. the steps waiting for the result to go back). */
export async function openTasksAt(
  manager: EntityManager,
  instanceId: string,
  elementIds: string[],
): Promise<TaskEntity[]> {
  if (elementIds.length === 0) return [];
  const rows = (await manager.query(
    `SELECT * FROM task WHERE instance_id = $1 AND state IN ('OPEN', 'CLAIMED')
        AND element_id = ANY($2) ORDER BY seq`,
    [instanceId, elementIds],
  )) as Record<string, unknown>[];
  return rows.map((row) => entityFromRow(manager, TaskEntity, row));
}
