import type { ProcessModel } from '../bpmn/model';
import { step } from './step';
import type { InstanceState, Instant, Variables } from './types';

export interface Simulation {
  /** The user tasks met, in the order they were completed. */
  tasks: string[];
  status: InstanceState['status'];
  /** Where tokens still wait when no user task is left to complete. */
  waitingAt: string[];
  state: InstanceState;
}

/**
 * Runs a process in memory, completing each user task as it comes (the oldest first, unless
 * `choose` picks another), until it ends or waits for something other than an officer. For
 * benchmarks, conformance runs and a designer's dry run; at most `maxSteps` completions.
 */
export function simulate(
  model: ProcessModel,
  options: {
    variables?: Variables;
    now: Instant;
    choose?: (waiting: number) => number;
    maxSteps?: number;
  },
): Simulation {
  const tasks: string[] = [];
  let { state } = step(
    model,
    undefined,
    { type: 'START', variables: options.variables ?? {} },
    options.now,
  );
  for (let steps = 0; state.status === 'ACTIVE' && steps < (options.maxSteps ?? 1000); steps++) {
    const waiting = state.tokens.filter(
      (token) => model.nodes[token.elementId].type === 'userTask',
    );
    if (waiting.length === 0) break;
    const token = waiting[(options.choose?.(waiting.length) ?? 0) % waiting.length];
    tasks.push(token.elementId);
    state = step(
      model,
      state,
      { type: 'COMPLETE_TASK', waitId: token.id, variables: {} },
      options.now,
    ).state;
  }
  return {
    tasks,
    status: state.status,
    waitingAt: state.tokens.map((token) => token.elementId),
    state,
  };
}
