import type { EventDefinition, FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import type { Execution } from './execution';
import { evaluateFeel } from './feel';
import { scheduleOf } from './timer';
import type { MessageSubscription, TimerSubscription, Token } from './types';

type MessageEvent = Extract<EventDefinition, { kind: 'message' }>;

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

/** Opens a wait for a message or a time at `catcher`, held by `token`. */
export function subscribe(execution: Execution, catcher: FlowNode, token: Token): void {
  if (catcher.event?.kind === 'timer') {
    const timer: TimerSubscription = {
      id: execution.newId(),
      kind: 'timer',
      ...scheduleOf(execution, catcher.event, catcher.id, token.scopeId),
      elementId: catcher.id,
      tokenId: token.id,
    };
    execution.state.subscriptions.push(timer);
    execution.effects.push({ type: 'SCHEDULE_TIMER', timer });
    return;
  }
  if (catcher.event?.kind !== 'message') return;
  const subscription: MessageSubscription = {
    id: execution.newId(),
    kind: 'message',
    messageName: catcher.event.messageName,
    correlationKey: correlationKeyFor(execution, catcher.event, catcher.id, token.scopeId),
    elementId: catcher.id,
    tokenId: token.id,
  };
  execution.state.subscriptions.push(subscription);
  execution.effects.push({ type: 'OPEN_SUBSCRIPTION', subscription });
}

/** An activity starts to wait: the boundary events attached to it start listening. */
export function subscribeBoundaries(execution: Execution, activity: FlowNode, token: Token): void {
  for (const boundaryId of activity.boundaryEvents ?? [])
    subscribe(execution, execution.node(boundaryId), token);
}

/** Closes every wait a token holds: its own and those of its boundary events. */
export function unsubscribeToken(execution: Execution, token: Token): void {
  const closing = execution.state.subscriptions.filter((s) => s.tokenId === token.id);
  if (closing.length === 0) return;
  execution.state.subscriptions = execution.state.subscriptions.filter(
    (s) => s.tokenId !== token.id,
  );
  for (const subscription of closing) {
    execution.effects.push(
      subscription.kind === 'timer'
        ? { type: 'CANCEL_TIMER', subscriptionId: subscription.id }
        : { type: 'CLOSE_SUBSCRIPTION', subscriptionId: subscription.id },
    );
  }
}
