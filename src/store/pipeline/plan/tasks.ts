import type { EffectHandler, Planning } from './write-plan';
import { agencyKey } from './write-plan';

const taskRow = (waitId: number) => `task:${waitId}`;

/** A user task waits for an officer: drawn with an assignee, it goes straight to that officer. */
export const createTask: EffectHandler<'CREATE_TASK'> = (effect, planning) => {
  const { context, plan, taskIds } = planning;
  const id = context.newId();
  taskIds.set(effect.waitId, id);
  const agency =
    effect.agency ??
    (effect.agencyKind
      ? (context.agencies.get(agencyKey(effect.agencyKind, effect.residenceCommune)) ?? null)
      : null);
  plan.writes.push({
    row: taskRow(effect.waitId),
    kind: 'insert',
    insert: {
      table: 'task',
      values: {
        id,
        instanceId: context.instanceId,
        waitId: effect.waitId,
        elementId: effect.elementId,
        name: effect.name ?? null,
        candidateGroups: effect.candidateGroups,
        candidateUsers: effect.candidateUsers ?? [],
        formKey: effect.formKey ?? null,
        agency,
        needsSignature: effect.signature ?? false,
        assignee: effect.assignee ?? null,
        state: effect.assignee ? 'CLAIMED' : 'OPEN',
        claimedAt: effect.assignee ? context.now : null,
        dueAt: effect.dueAt ? new Date(effect.dueAt) : null,
        overdue: false,
        createdAt: context.now,
      },
    },
  });
};

/** The task a command completed: by whom, and the working time it took (for the step metrics). */
export const completeTask: EffectHandler<'COMPLETE_TASK'> = (effect, planning) => {
  const { context } = planning;
  const open = context.openTasks.get(effect.waitId);
  const minutes = open
    ? context.calendar.workingTimeBetween(open.createdAt.toISOString(), context.now.toISOString())
    : null;
  closeTask(planning, effect.waitId, {
    state: 'COMPLETED',
    completedBy: effect.actor ?? open?.assignee ?? null,
    workingMinutes: minutes,
    returning: true,
  });
};

/** An open task is withdrawn: an event interrupted it, or the instance ended. */
export const cancelTask: EffectHandler<'CANCEL_TASK'> = (effect, planning) => {
  closeTask(planning, effect.waitId, { state: 'CANCELED', returning: false });
};

export const setTaskDeadline: EffectHandler<'SET_TASK_DEADLINE'> = (effect, { plan }) => {
  plan.writes.push({
    row: taskRow(effect.waitId),
    kind: 'setTaskDeadline',
    waitId: effect.waitId,
    dueAt: new Date(effect.dueAt),
    overdue: effect.overdue,
  });
};

function closeTask(
  { plan, taskIds, context }: Planning,
  waitId: number,
  close: {
    state: 'COMPLETED' | 'CANCELED';
    completedBy?: string | null;
    workingMinutes?: number | null;
    returning: boolean;
  },
): void {
  const taskId = taskIds.get(waitId) ?? context.openTasks.get(waitId)?.id;
  // No open task at that wait (closed by hand already): nothing to close.
  if (!taskId) return;
  taskIds.set(waitId, taskId);
  plan.writes.push({ row: taskRow(waitId), kind: 'closeTask', taskId, ...close });
}
