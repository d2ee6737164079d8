import { AppError } from '../errors';
import { cancelToken } from './cancel';
import { handBack } from './variable-mapping';
import type { Execution } from './execution';
import { startEventSubProcess } from './elements/event-sub-process';
import { closeSubscription, keepListening, unsubscribeToken } from './subscriptions';
import type { HistoryEventType, Subscription, Variables } from './types';

const TRIGGERED = {
  message: 'MESSAGE_CORRELATED',
  timer: 'TIMER_FIRED',
  signal: 'SIGNAL_CAUGHT',
  conditional: 'CONDITION_MET',
} as const satisfies Record<Subscription['kind'], HistoryEventType>;

/**
 * A message arrives, a timer fires, a signal is caught or a condition comes true for one of the instance's open waits. What happens depends
 * on who waits:
 * - a catch event or receive task: it completes and its token moves on;
 * - an event-based gateway: the event it leads to wins, the others stop waiting;
 * - a boundary event: an interrupting one cancels its activity, a non-interrupting one leaves
 *   the activity waiting (a repeating timer is set again); either way its own flow starts;
 * - the start of an event sub-process: it starts in the scope that listens.
 * The message's variables are set from the scope of the waiting token.
 */
export function triggerWait(
  execution: Execution,
  subscriptionId: number,
  variables: Variables,
): void {
  const subscription = execution.state.subscriptions.find((s) => s.id === subscriptionId);
  const token =
    subscription?.tokenId === undefined ? undefined : execution.token(subscription.tokenId);
  if (!subscription || (!token && subscription.scopeId === undefined)) {
    throw new AppError(
      'MESSAGE_NOT_CORRELATED',
      `No open wait '${subscriptionId}' in this instance`,
    );
  }
  const catcher = execution.node(subscription.elementId);
  execution.history(TRIGGERED[subscription.kind], catcher.id, catcher.type);

  if (!token) {
    // The start of an event sub-process, listening in its scope.
    const scopeId = subscription.scopeId ?? 0;
    if (catcher.cancelActivity === false) keepListening(execution, subscription);
    else closeSubscription(execution, subscription);
    execution.setVariables(scopeId, variables);
    startEventSubProcess(execution, catcher, scopeId);
    return;
  }

  if (catcher.type === 'boundaryEvent') {
    if (catcher.cancelActivity !== false) cancelToken(execution, token);
    else keepListening(execution, subscription);
    execution.setVariables(token.scopeId, variables);
    execution.arrive(catcher.id, { scopeId: token.scopeId });
    return;
  }

  const holder = execution.node(token.elementId);
  unsubscribeToken(execution, token);
  execution.removeToken(token);
  handBack(execution, catcher, token, variables);
  if (holder.type === 'eventBasedGateway') {
    execution.history('ELEMENT_COMPLETED', holder.id, holder.type);
    const flowId = holder.outgoing.find((id) => execution.model.flows[id].targetRef === catcher.id);
    if (flowId) execution.history('SEQUENCE_FLOW_TAKEN', flowId, 'sequenceFlow');
    execution.history('ELEMENT_ACTIVATED', catcher.id, catcher.type);
  }
  execution.completed(catcher);
  execution.leave(catcher, token.scopeId);
}
