import { AppError } from '../errors';
import { officerInTaskAgency, reachOfTask } from '../store/task-reach';
import type { TaskGuard } from '../store/tasks';
import { asActor, type Principal } from './principal';

/**
 * What an officer may do to one task, decided on the locked task (see task-reach.ts for who
 * reaches what):
 * - claim it for themselves: it is offered to them, or they lead its agency;
 * - assign it to someone else, or take it from its holder: they lead its agency;
 * - give it back: they hold it, or they lead its agency;
 * - complete it: they hold it, or nobody does and they could claim it; a step that signs the
 *   result (tthc:signature) needs a leader;
 * - hand it on to another agency: as for completing it, or they lead its agency.
 */
export type TaskAction = 'claim' | 'assign' | 'unclaim' | 'complete' | 'handOn';

export function taskGuard(principal: Principal, action: TaskAction): TaskGuard {
  return async (tx, task) => {
    const reach = await reachOfTask(tx, asActor(principal), task.id);
    const holds = task.assignee === principal.username;
    const refuse = (why: string) =>
      new AppError('FORBIDDEN', `Task '${task.id}' (${task.elementId}): ${why}`, {
        taskId: task.id,
        elementId: task.elementId,
      });
    switch (action) {
      case 'claim':
        if (!holds && !reach.offered && !reach.overseen) {
          throw refuse(`it is not offered to '${principal.username}' or their roles`);
        }
        return;
      case 'assign':
        if (!reach.overseen) throw refuse('only a leader of its agency assigns it');
        return;
      case 'unclaim':
        // A task nobody holds: the store says so (TASK_NOT_CLAIMED).
        if (task.assignee !== null && !holds && !reach.overseen) {
          throw refuse(`it is held by '${task.assignee}', who alone gives it back`);
        }
        return;
      case 'complete':
        if (task.assignee !== null && !holds) {
          throw refuse(`it is held by '${task.assignee}', who alone completes it`);
        }
        if (!holds && !reach.offered && !reach.overseen) {
          throw refuse(`it is not offered to '${principal.username}' or their roles`);
        }
        if (task.needsSignature && !principal.roles.includes('leader')) {
          throw refuse('it signs the result, and only a leader completes it');
        }
        return;
      case 'handOn':
        if (reach.overseen) return;
        if (task.assignee !== null && !holds) {
          throw refuse(`it is held by '${task.assignee}', who alone hands it on`);
        }
        if (!holds && !reach.offered) {
          throw refuse(`it is not offered to '${principal.username}' or their roles`);
        }
        return;
    }
  };
}

/**
 * The officer a task is assigned to must be active and of the task's agency (any agency for a
 * task of none). Checked under the same lock, so the answer holds when the task changes.
 */
export function assigneeGuard(assignee: string): TaskGuard {
  return async (tx, task) => {
    const inAgency = await officerInTaskAgency(tx, assignee, task.id);
    if (inAgency === null) {
      throw new AppError('BAD_USER_INPUT', `No active officer is called '${assignee}'`, {
        field: 'assignee',
        taskId: task.id,
      });
    }
    if (!inAgency) {
      throw new AppError(
        'BAD_USER_INPUT',
        `'${assignee}' is not an officer of the agency that does task '${task.id}' (${task.elementId})`,
        { field: 'assignee', taskId: task.id, elementId: task.elementId },
      );
    }
  };
}

/** Runs guards one after the other. */
export function allOf(...guards: TaskGuard[]): TaskGuard {
  return async (tx, task) => {
    for (const guard of guards) await guard(tx, task);
  };
}
