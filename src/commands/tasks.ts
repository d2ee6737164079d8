import type { Variables } from '../engine/types';
import { AppError, notFound } from '../errors';
import { checkSubmission } from '../step-forms/submission';
import type { TaskEntity, TaskState } from '../store/entities';
import { isUuid } from '../store/instances';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { LockedInstance } from '../store/pipeline/instance-rows';
import type { UnitOfWork } from '../store/pipeline/unit-of-work';
import { formOfTask } from '../store/step-forms';
import type { Store } from '../store/store';
import {
  agencyExists,
  readTask,
  recordHandOn,
  recordTaskEvent,
  setTaskHolder,
  taskFromRow,
  type TaskGuard,
} from '../store/tasks';

/**
 * Every change to a task happens while its instance's row is locked, so a task read after the
 * lock is current, two officers cannot both act on it, and the guard sees what is acted on.
 */
function withLockedTask<T>(
  store: Store,
  input: { taskId: string; now: Date; guard?: TaskGuard },
  work: (unit: UnitOfWork, task: TaskEntity, locked: LockedInstance) => Promise<T>,
): Promise<T> {
  const { taskId } = input;
  if (!isUuid(taskId)) throw notFound('Task', taskId, { taskId });
  return withUnitOfWork(store, input.now, async (unit) => {
    const locked = await unit.lockOfTask(taskId);
    const task = locked && (await readTask(unit.tx, taskId));
    if (!locked || !task) throw notFound('Task', taskId, { taskId });
    if (!isOpen(task.state)) throw notOpen(task);
    await input.guard?.(unit.tx, task);
    return work(unit, task, locked);
  });
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

/** An officer takes an open task for themselves. */
export function claimTask(
  store: Store,
  input: { taskId: string; assignee: string; now: Date; guard?: TaskGuard },
): Promise<TaskEntity> {
  return withLockedTask(store, input, async ({ tx }, task) => {
    if (task.assignee === input.assignee) return task;
    if (task.assignee !== null) {
      throw new AppError(
        'TASK_ALREADY_CLAIMED',
        `Task '${task.id}' is already claimed by '${task.assignee}'`,
        { taskId: task.id, elementId: task.elementId },
      );
    }
    await hold(tx, task, input.assignee, input.now);
    await recordTaskEvent(tx, task, 'TASK_CLAIMED', input.assignee, input.now);
    return task;
  });
}

/** Someone (a leader) gives an open task to an officer, taking it from whoever held it. */
export function assignTask(
  store: Store,
  input: { taskId: string; assignee: string; actor: string; now: Date; guard?: TaskGuard },
): Promise<TaskEntity> {
  return withLockedTask(store, input, async ({ tx }, task) => {
    if (task.assignee === input.assignee) return task;
    await hold(tx, task, input.assignee, input.now);
    await recordTaskEvent(tx, task, 'TASK_ASSIGNED', input.actor, input.now);
    return task;
  });
}

async function hold(tx: Store, task: TaskEntity, assignee: string, now: Date): Promise<void> {
  const change = { assignee, state: 'CLAIMED' as const, claimedAt: now };
  Object.assign(task, change);
  await setTaskHolder(tx, task.id, change);
}

/** A held task goes back to its roles; `actor` is who let it go (its holder by default). */
export function unclaimTask(
  store: Store,
  input: { taskId: string; now: Date; actor?: string; guard?: TaskGuard },
): Promise<TaskEntity> {
  return withLockedTask(store, input, async ({ tx }, task) => {
    if (task.assignee === null) {
      throw new AppError('TASK_NOT_CLAIMED', `Task '${task.id}' is not claimed`, {
        taskId: task.id,
        elementId: task.elementId,
      });
    }
    const previous = task.assignee;
    const change = { assignee: null, state: 'OPEN' as const, claimedAt: null };
    Object.assign(task, change);
    await setTaskHolder(tx, task.id, change);
    await recordTaskEvent(tx, task, 'TASK_UNCLAIMED', input.actor ?? previous, input.now);
    return task;
  });
}

/**
 * An officer hands a step on to another agency (chuyển xử lý): it waits there for the same
 * roles, held by nobody, and the hand-on is kept with its reason for the control sheet.
 */
export function handOnTask(
  store: Store,
  input: {
    taskId: string;
    agency: string;
    reason: string;
    actor: string;
    now: Date;
    guard?: TaskGuard;
  },
): Promise<TaskEntity> {
  return withLockedTask(store, input, async ({ tx }, task, { instance }) => {
    const from = task.agency ?? instance.agency;
    const field = 'agency';
    if (from === input.agency) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Task '${task.id}' (${task.elementId}) is already at '${input.agency}'`,
        { field, taskId: task.id, elementId: task.elementId },
      );
    }
    if (!(await agencyExists(tx, input.agency))) {
      throw new AppError('BAD_USER_INPUT', `No agency has the code '${input.agency}'`, {
        field,
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
    await setTaskHolder(tx, task.id, change);
    await recordHandOn(tx, {
      taskId: task.id,
      fromAgency: from,
      toAgency: input.agency,
      handedBy: input.actor,
      handedAt: input.now,
      reason: input.reason,
    });
    await recordTaskEvent(tx, task, 'TASK_HANDED_ON', input.actor, input.now);
    return task;
  });
}

/**
 * Completes a task: the submission is checked against the step's form, then the engine moves the
 * instance on and the task closes, in one unit of work. `record` keeps what the completion
 * produced (a signed result) in the same unit: should it refuse, nothing happened.
 */
export function completeTask(
  store: Store,
  input: {
    taskId: string;
    variables: Variables;
    actor?: string;
    now: Date;
    guard?: TaskGuard;
    record?: (tx: Store, task: TaskEntity) => Promise<void>;
  },
): Promise<TaskEntity> {
  return withLockedTask(store, input, async (unit, task, locked) => {
    const form = await formOfTask(unit.tx, task);
    if (form) {
      checkSubmission(form.schema, input.variables, { taskId: task.id, elementId: task.elementId });
    }
    const actor = input.actor ?? task.assignee ?? undefined;
    const { closedTask } = await unit.step(
      locked,
      { type: 'COMPLETE_TASK', waitId: task.waitId, variables: input.variables, actor },
      { waitId: task.waitId, id: task.id, createdAt: task.createdAt, assignee: task.assignee },
    );
    await input.record?.(unit.tx, task);
    return closedTask ? taskFromRow(unit.tx, closedTask) : task;
  });
}
