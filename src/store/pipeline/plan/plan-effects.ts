import type { Effect } from '../../../engine/types';
import { appendHistory } from './history';
import {
  cancelJob,
  cancelTimer,
  continueLater,
  createJob,
  scheduleTimer,
  sendMessage,
  broadcastSignal,
} from './jobs';
import { cancelChild, startChild, throwToParent } from './other-instances';
import { closeSubscription, openSubscription } from './subscriptions';
import { cancelTask, completeTask, createTask, setTaskDeadline } from './tasks';
import type { EffectHandler, PlanContext, Planning, WritePlan } from './write-plan';

/** One handler per kind of effect, as the engine has one module per kind of element. */
const HANDLERS: { [T in Effect['type']]: EffectHandler<T> } = {
  CREATE_TASK: createTask,
  COMPLETE_TASK: completeTask,
  CANCEL_TASK: cancelTask,
  SET_TASK_DEADLINE: setTaskDeadline,
  OPEN_SUBSCRIPTION: openSubscription,
  CLOSE_SUBSCRIPTION: closeSubscription,
  SCHEDULE_TIMER: scheduleTimer,
  CANCEL_TIMER: cancelTimer,
  CREATE_JOB: createJob,
  CANCEL_JOB: cancelJob,
  CONTINUE_LATER: continueLater,
  SEND_MESSAGE: sendMessage,
  BROADCAST_SIGNAL: broadcastSignal,
  START_CHILD: startChild,
  CANCEL_CHILD: cancelChild,
  THROW_TO_PARENT: throwToParent,
  HISTORY: appendHistory,
};

/**
 * Turns a step's effects into the writes that carry them out, in the engine's order, and what
 * the step asks of other instances. Pure: what it needs was read before (PlanContext). The
 * history comes last, when every task it names has its id.
 */
export function planEffects(effects: readonly Effect[], context: PlanContext): WritePlan {
  const planning: Planning = {
    context,
    plan: { writes: [], followUps: [], sent: [] },
    taskIds: new Map(),
  };
  const history = effects.filter((effect) => effect.type === 'HISTORY');
  for (const effect of effects) if (effect.type !== 'HISTORY') handle(effect, planning);
  for (const effect of history) handle(effect, planning);
  return planning.plan;
}

function handle<T extends Effect['type']>(
  effect: Extract<Effect, { type: T }>,
  planning: Planning,
) {
  (HANDLERS[effect.type] as EffectHandler<T>)(effect, planning);
}
