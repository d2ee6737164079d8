import type { FlowNode, ProcessModel } from '../bpmn/model';
import { AppError } from '../errors';
import { arriveAtEndEvent } from './elements/end-event';
import { arriveAtExclusiveGateway } from './elements/exclusive-gateway';
import { arriveAtParallelGateway } from './elements/parallel-gateway';
import { arriveAtStartEvent } from './elements/start-event';
import { arriveAtUserTask, completeUserTask } from './elements/user-task';
import { type ArriveBehaviour, Execution } from './execution';
import type { Command, InstanceState, Instant, StepResult } from './types';

const BEHAVIOURS: Record<FlowNode['type'], ArriveBehaviour> = {
  startEvent: arriveAtStartEvent,
  endEvent: arriveAtEndEvent,
  userTask: arriveAtUserTask,
  exclusiveGateway: arriveAtExclusiveGateway,
  parallelGateway: arriveAtParallelGateway,
};

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
): StepResult {
  if (command.type === 'START') {
    if (state) throw new Error('START is only for a new instance');
    const execution = new Execution(model, initialState(command.variables), now, BEHAVIOURS);
    execution.history('PROCESS_STARTED', model.key, 'process', { actor: command.actor });
    execution.arrive(model.startEventId);
    execution.run();
    return { state: execution.state, effects: execution.effects };
  }
  if (!state) throw new Error(`${command.type} needs the instance's state`);
  if (state.status !== 'ACTIVE') {
    throw new AppError('INSTANCE_NOT_ACTIVE', `The instance is ${state.status}`);
  }
  const execution = new Execution(model, structuredClone(state), now, BEHAVIOURS);
  switch (command.type) {
    case 'COMPLETE_TASK':
      completeUserTask(
        execution,
        command.waitId,
        structuredClone(command.variables),
        command.actor,
      );
      break;
  }
  execution.run();
  return { state: execution.state, effects: execution.effects };
}

function initialState(variables: InstanceState['variables']): InstanceState {
  return { status: 'ACTIVE', variables: structuredClone(variables), tokens: [], nextId: 1 };
}
