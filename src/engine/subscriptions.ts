import type { EventDefinition, FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import { ROOT_SCOPE, type Execution } from './execution';
import { evaluateFeel } from './feel';
import { addDuration } from '../calendar/iso-time';
import { scheduleOf } from './timer';
import type {
  MessageSubscription,
  SignalSubscription,
  Subscription,
  TimerSubscription,
  Token,
} from './types';

type MessageEvent = Extract<EventDefinition, { kind: 'message' }>;

/** Who holds a wait: a token, or a scope listening for its event sub-processes. */
export type Holder = { token: Token } | { scopeId: number };

/**
 * The key that matches messages to this wait: the event's FEEL correlation key, evaluated now in
 * the token's scope, or else the instance's business key (the dossier code).
 */
export function correlationKeyFor(
  execution: Execution,
  event: MessageEvent,
  elementId: string,
  scopeId: number,
): string | null {
  if (event.correlationKey === undefined) return execution.state.businessKey;
  const value = evaluateFeel(event.correlationKey, execution.visibleVariables(scopeId), elementId);
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new AppError(
      'EXPRESSION_FAILED',
      `The correlation key '${event.correlationKey}' of '${elementId}' gave ${JSON.stringify(value)}, not a text or number`,
      { elementId, expression: event.correlationKey },
    );
  }
  return String(value);
}

/** Opens a wait at `catcher` for what its event waits for: a message, a time, a signal, a condition. */
export function subscribe(execution: Execution, catcher: FlowNode, holder: Holder): void {
  const scopeId = 'token' in holder ? holder.token.scopeId : holder.scopeId;
  const held = 'token' in holder ? { tokenId: holder.token.id } : { scopeId: holder.scopeId };
  if (catcher.event?.kind === 'timer') {
    const timer: TimerSubscription = {
      id: execution.newId(),
      kind: 'timer',
      ...scheduleOf(execution, catcher.event, catcher.id, scopeId),
      elementId: catcher.id,
      ...held,
    };
    execution.state.subscriptions.push(timer);
    execution.effects.push({ type: 'SCHEDULE_TIMER', timer: structuredClone(timer) });
    return;
  }
  if (catcher.event?.kind === 'signal') {
    const signal: SignalSubscription = {
      id: execution.newId(),
      kind: 'signal',
      signalName: catcher.event.signalName,
      elementId: catcher.id,
      ...held,
    };
    execution.state.subscriptions.push(signal);
    execution.effects.push({ type: 'OPEN_SUBSCRIPTION', subscription: structuredClone(signal) });
    return;
  }
  if (catcher.event?.kind === 'conditional') {
    // Checked at the end of this step and of every later one (see conditions.ts).
    execution.state.subscriptions.push({
      id: execution.newId(),
      kind: 'conditional',
      condition: catcher.event.condition,
      holds: false,
      elementId: catcher.id,
      ...held,
    });
    return;
  }
  if (catcher.event?.kind !== 'message') return;
  const subscription: MessageSubscription = {
    id: execution.newId(),
    kind: 'message',
    messageName: catcher.event.messageName,
    correlationKey: correlationKeyFor(execution, catcher.event, catcher.id, scopeId),
    elementId: catcher.id,
    ...held,
  };
  execution.state.subscriptions.push(subscription);
  execution.effects.push({
    type: 'OPEN_SUBSCRIPTION',
    subscription: structuredClone(subscription),
  });
}

/** An activity starts to wait: the boundary events attached to it start listening. */
export function subscribeBoundaries(execution: Execution, activity: FlowNode, token: Token): void {
  // The instances of a multi-instance activity share the boundary events of its body.
  const scope = execution.scope(token.scopeId);
  if (scope.multiInstance === 'item' && scope.elementId === activity.id) return;
  for (const boundaryId of activity.boundaryEvents ?? []) {
    subscribe(execution, execution.node(boundaryId), { token });
  }
}

/** A scope begins: the message and timer starts of its event sub-processes start listening. */
export function subscribeEventSubProcesses(execution: Execution, scopeId: number): void {
  for (const id of eventSubProcessesIn(execution, scopeId)) {
    const start = execution.node(execution.node(id).startIds?.[0] ?? '');
    subscribe(execution, start, { scopeId });
  }
}

/** The event sub-processes defined in the element a scope runs. */
export function eventSubProcessesIn(execution: Execution, scopeId: number): string[] {
  if (scopeId === ROOT_SCOPE) return execution.model.eventSubProcesses;
  return execution.model.nodes[execution.scope(scopeId).elementId]?.eventSubProcesses ?? [];
}

/** Closes every wait a token holds: its own and those of its boundary events. */
export function unsubscribeToken(execution: Execution, token: Token): void {
  close(execution, (s) => s.tokenId === token.id);
}

/** Closes the waits a scope holds for its event sub-processes. */
export function unsubscribeScope(execution: Execution, scopeId: number): void {
  // The dossier's deadline outlives an interrupting event sub-process; it ends with the instance.
  close(execution, (s) => s.scopeId === scopeId && !(s.kind === 'timer' && s.deadline));
}

export function closeSubscription(execution: Execution, subscription: Subscription): void {
  close(execution, (s) => s.id === subscription.id);
}

function close(execution: Execution, matches: (subscription: Subscription) => boolean): void {
  const closing = execution.state.subscriptions.filter(matches);
  if (closing.length === 0) return;
  execution.state.subscriptions = execution.state.subscriptions.filter((s) => !matches(s));
  for (const subscription of closing) {
    // A condition is the instance's own: nothing outside it was told of the wait.
    if (subscription.kind === 'conditional') continue;
    execution.effects.push(
      subscription.kind === 'timer'
        ? { type: 'CANCEL_TIMER', subscriptionId: subscription.id }
        : { type: 'CLOSE_SUBSCRIPTION', subscriptionId: subscription.id },
    );
  }
}

/**
 * A wait that fired without interrupting keeps listening: a message wait stays open; a timer
 * cycle is set again while it has repetitions left; a one-off timer is done.
 */
export function keepListening(execution: Execution, subscription: Subscription): void {
  if (subscription.kind !== 'timer') return;
  // (A signal or message wait stays open; a condition fires again once it has been false.)
  execution.state.subscriptions = execution.state.subscriptions.filter(
    (s) => s.id !== subscription.id,
  );
  const repeat = subscription.repeat;
  if (!repeat || repeat.remaining === 0) return;
  const next: TimerSubscription = {
    ...subscription,
    dueAt: addDuration(subscription.dueAt, repeat.interval),
    repeat: {
      interval: repeat.interval,
      remaining: repeat.remaining === null ? null : repeat.remaining - 1,
    },
  };
  execution.state.subscriptions.push(next);
  execution.effects.push({ type: 'SCHEDULE_TIMER', timer: structuredClone(next) });
}
