import type { FlowNode, ProcessModel } from '../bpmn/model';
import { AppError } from '../errors';
import { triggerWait } from './trigger';
import { cancelScope } from './cancel';
import { continueAt } from './continuation';
import { checkDeclared, startVariables } from './declared-variables';
import { arriveAtCallActivity, childCompleted } from './elements/call-activity';
import { arriveAtBoundaryEvent, arriveAtMessageCatch } from './elements/catch-events';
import { arriveAtEndEvent } from './elements/end-event';
import { arriveAtImmediateTask } from './elements/immediate-task';
import { arriveAtEventBasedGateway } from './elements/event-based-gateway';
import { arriveAtExclusiveGateway } from './elements/exclusive-gateway';
import { arriveAtInclusiveGateway } from './elements/inclusive-gateway';
import { arriveAtParallelGateway } from './elements/parallel-gateway';
import { arriveAtServiceTask, completeJob } from './elements/service-task';
import { arriveAtStartEvent } from './elements/start-event';
import { arriveAtSubProcess } from './elements/sub-process';
import { arriveAtThrowEvent } from './elements/throw-events';
import { arriveAtUserTask, completeUserTask } from './elements/user-task';
import { type ArriveBehaviour, type DecisionEvaluator, Execution, ROOT_SCOPE } from './execution';
import { arriveAtMultiInstance } from './multi-instance';
import { SETTLE_RULES } from './settle';
import { throwAtWait } from './error-propagation';
import { cancelActivity, moveToken } from './repair';
import { subscribeEventSubProcesses } from './subscriptions';
import type { Command, InstanceState, Instant, StepResult } from './types';
import { DEFAULT_CALENDAR } from '../calendar/defaults';
import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  deadlinePassed,
  extendAppointment,
  holdClock,
  resultReady,
  setAppointment,
  settleClock,
} from './deadlines';

const BEHAVIOURS: Record<FlowNode['type'], ArriveBehaviour> = markingResultReady({
  startEvent: arriveAtStartEvent,
  endEvent: arriveAtEndEvent,
  intermediateCatchEvent: arriveAtMessageCatch,
  intermediateThrowEvent: arriveAtThrowEvent,
  boundaryEvent: arriveAtBoundaryEvent,
  userTask: arriveAtUserTask,
  task: arriveAtImmediateTask,
  manualTask: arriveAtImmediateTask,
  scriptTask: arriveAtImmediateTask,
  businessRuleTask: arriveAtImmediateTask,
  receiveTask: arriveAtMessageCatch,
  serviceTask: arriveAtServiceTask,
  sendTask: arriveAtServiceTask,
  subProcess: arriveAtSubProcess,
  callActivity: arriveAtCallActivity,
  exclusiveGateway: arriveAtExclusiveGateway,
  parallelGateway: arriveAtParallelGateway,
  inclusiveGateway: arriveAtInclusiveGateway,
  eventBasedGateway: arriveAtEventBasedGateway,
});

/** Any element may say the result has reached the desk (`tthc:resultReady`); then it runs as its type says. */
function markingResultReady<T extends Record<string, ArriveBehaviour>>(behaviours: T): T {
  const marked = Object.entries(behaviours).map(([type, behaviour]): [string, ArriveBehaviour] => [
    type,
    (execution, node, arrival) => {
      if (node.resultReady) resultReady(execution, node);
      behaviour(execution, node, arrival);
    },
  ]);
  return Object.fromEntries(marked) as T;
}

/**
 * The engine: one pure transition. Given a compiled process, the instance's state (none before
 * START), a command and the time, it returns the new state and what the world must do. It never
 * reads the clock, draws a random number or touches IO, and it does not change its arguments,
 * so the same inputs always give the same result. An AppError means the command is refused.
 */
export function step(
  model: ProcessModel,
  state: InstanceState | undefined,
  command: Command,
  now: Instant,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
  decisions?: DecisionEvaluator,
): StepResult {
  const execution = (from: InstanceState) =>
    new Execution(
      model,
      from,
      now,
      calendar,
      BEHAVIOURS,
      SETTLE_RULES,
      arriveAtMultiInstance,
      decisions,
    );
  if (command.type === 'START') {
    if (state) throw new Error('START is only for a new instance');
    const startEventId = startEventFor(model, command.startEventId);
    const starting = execution(
      initialState(
        startVariables(model, command.variables),
        command.businessKey ?? null,
        command.calledByParent,
      ),
    );
    starting.history('PROCESS_STARTED', model.key, 'process', { actor: command.actor });
    setAppointment(starting);
    subscribeEventSubProcesses(starting, ROOT_SCOPE);
    starting.arrive(startEventId, { scopeId: ROOT_SCOPE });
    return finish(starting);
  }
  if (!state) throw new Error(`${command.type} needs the instance's state`);
  if (state.status !== 'ACTIVE') {
    throw new AppError('INSTANCE_NOT_ACTIVE', `The instance is ${state.status}`);
  }
  // What an officer, a message or a worker brings in must fit the declared variables.
  if (
    command.type === 'COMPLETE_TASK' ||
    command.type === 'CORRELATE_MESSAGE' ||
    command.type === 'CATCH_SIGNAL' ||
    command.type === 'COMPLETE_JOB'
  ) {
    checkDeclared(model, command.variables);
  }
  const running = execution(structuredClone(state));
  apply(running, command);
  return finish(running);
}

/**
 * A working copy over a state for changes made outside a command (a migration to another
 * version): the same behaviours as a step, so the waits it opens are those a step would open.
 */
export function executionFor(
  model: ProcessModel,
  state: InstanceState,
  now: Instant,
  calendar: WorkingCalendar,
): Execution {
  return new Execution(
    model,
    state,
    now,
    calendar,
    BEHAVIOURS,
    SETTLE_RULES,
    arriveAtMultiInstance,
  );
}

/** What a command does to a running instance, before its tokens move. */
function apply(running: Execution, command: Exclude<Command, { type: 'START' }>): void {
  switch (command.type) {
    case 'COMPLETE_TASK':
      completeUserTask(running, command.waitId, command.variables, command.actor);
      break;
    case 'CORRELATE_MESSAGE':
    case 'CATCH_SIGNAL':
      triggerWait(running, command.subscriptionId, command.variables);
      break;
    case 'FIRE_TIMER':
      if (!deadlinePassed(running, command.subscriptionId))
        triggerWait(running, command.subscriptionId, {});
      break;
    case 'COMPLETE_JOB':
      completeJob(running, command.waitId, command.variables);
      break;
    case 'CONTINUE':
      continueAt(running, command.waitId);
      break;
    case 'CHILD_COMPLETED':
      childCompleted(running, command.waitId, command.variables);
      break;
    case 'THROW_AT_WAIT':
      running.setVariables(running.token(command.waitId)?.scopeId ?? ROOT_SCOPE, command.variables);
      throwAtWait(running, command.waitId, command.kind, command.code);
      break;
    case 'EXTEND_APPOINTMENT':
      extendAppointment(running, command.dueAt, command.actor);
      break;
    case 'HOLD_CLOCK':
    case 'RELEASE_CLOCK':
      holdClock(running, command.type === 'HOLD_CLOCK');
      break;
    case 'MOVE_TOKEN':
      moveToken(running, command);
      break;
    case 'CANCEL_ACTIVITY':
      cancelActivity(running, command);
      break;
    case 'CANCEL':
      running.state.status = 'TERMINATED';
      cancelScope(running, ROOT_SCOPE, { removeScope: false });
      running.history('PROCESS_TERMINATED', running.model.key, 'process', {
        actor: command.actor,
      });
      break;
  }
}

/** Moves every token as far as it goes, then stops or restarts the deadline clock. */
function finish(execution: Execution): StepResult {
  execution.run();
  settleClock(execution);
  return { state: execution.state, effects: execution.effects };
}

function startEventFor(model: ProcessModel, requested: string | undefined): string {
  const id = requested ?? model.startEventId;
  const node = id === undefined ? undefined : model.nodes[id];
  if (!id || node?.type !== 'startEvent' || node.parentId !== undefined) {
    throw new AppError(
      'BAD_USER_INPUT',
      requested
        ? `'${requested}' is not a start event of process '${model.key}'`
        : `Process '${model.key}' has no none start event: it starts only by a message`,
      { key: model.key },
    );
  }
  return id;
}

function initialState(
  variables: InstanceState['scopes'][number]['variables'],
  businessKey: string | null,
  calledByParent: true | undefined,
): InstanceState {
  return {
    status: 'ACTIVE',
    businessKey,
    ...(calledByParent && { calledByParent }),
    scopes: [{ id: ROOT_SCOPE, elementId: 'process', variables: structuredClone(variables) }],
    tokens: [],
    subscriptions: [],
    nextId: 1,
  };
}
