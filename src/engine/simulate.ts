import type { ProcessModel } from '../bpmn/model';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { step } from './step';
import type { Effect, InstanceState, Instant, Variables } from './types';

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
  const started = step(
    model,
    undefined,
    { type: 'START', variables: options.variables ?? {} },
    options.now,
  );
  let state = deliverOwnSignals(model, started.state, started.effects, options.now);
  for (let steps = 0; state.status === 'ACTIVE' && steps < (options.maxSteps ?? 1000); steps++) {
    const waiting = state.tokens.filter(
      (token) => model.nodes[token.elementId].type === 'userTask',
    );
    if (waiting.length === 0) break;
    const token = waiting[(options.choose?.(waiting.length) ?? 0) % waiting.length];
    tasks.push(token.elementId);
    const completed = step(
      model,
      state,
      { type: 'COMPLETE_TASK', waitId: token.id, variables: {} },
      options.now,
    );
    state = deliverOwnSignals(model, completed.state, completed.effects, options.now);
  }
  return {
    tasks,
    status: state.status,
    waitingAt: state.tokens.map((token) => token.elementId),
    state,
  };
}

/**
 * The store broadcasts a thrown signal after the step, to every instance waiting for it; alone in
 * memory, the instance itself is the only one that can be waiting. At most `MAX_SIGNAL_ROUNDS`
 * rounds, for processes that signal themselves in a loop.
 */
function deliverOwnSignals(
  model: ProcessModel,
  state: InstanceState,
  effects: Effect[],
  now: Instant,
): InstanceState {
  return catchOwnSignals(model, state, effects, now).state;
}

/**
 * The instance catches the signals its own step threw (see deliverOwnSignals): its state after,
 * the effects of the catching steps other than signals, and whether signals were still thrown
 * after MAX_SIGNAL_ROUNDS rounds (left undelivered).
 */
export function catchOwnSignals(
  model: ProcessModel,
  state: InstanceState,
  effects: Effect[],
  now: Instant,
  calendar?: WorkingCalendar,
): { state: InstanceState; effects: Effect[]; undelivered: boolean } {
  const caughtEffects: Effect[] = [];
  let pending = effects.filter((e) => e.type === 'BROADCAST_SIGNAL');
  for (let round = 0; round < MAX_SIGNAL_ROUNDS && pending.length > 0; round++) {
    const next: Effect[] = [];
    for (const signal of pending) {
      const waits = state.subscriptions.filter(
        (s) => s.kind === 'signal' && s.signalName === signal.signalName,
      );
      for (const wait of waits) {
        if (state.status !== 'ACTIVE' || !state.subscriptions.some((s) => s.id === wait.id))
          continue;
        const caught = step(
          model,
          state,
          { type: 'CATCH_SIGNAL', subscriptionId: wait.id, variables: signal.variables },
          now,
          calendar,
        );
        state = caught.state;
        next.push(...caught.effects);
      }
    }
    caughtEffects.push(...next.filter((e) => e.type !== 'BROADCAST_SIGNAL'));
    pending = next.filter(
      (e): e is Extract<Effect, { type: 'BROADCAST_SIGNAL' }> => e.type === 'BROADCAST_SIGNAL',
    );
  }
  return { state, effects: caughtEffects, undelivered: pending.length > 0 };
}

const MAX_SIGNAL_ROUNDS = 20;
