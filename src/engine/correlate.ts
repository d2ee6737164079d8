import { AppError } from '../errors';
import { cancelToken } from './cancel';
import type { Execution } from './execution';
import { unsubscribeToken } from './subscriptions';
import type { Variables } from './types';

/**
 * A message arrives for one of the instance's open waits. What happens depends on who waits:
 * - a catch event or receive task: it completes and its token moves on;
 * - an event-based gateway: the event it leads to wins, the others stop listening;
 * - a boundary event: an interrupting one cancels its activity, a non-interrupting one leaves
 *   the activity waiting; either way the boundary event's flow starts.
 * The message's variables are set from the scope of the waiting token.
 */
export function correlateMessage(
  execution: Execution,
  subscriptionId: number,
  variables: Variables,
): void {
  const subscription = execution.state.subscriptions.find((s) => s.id === subscriptionId);
  const token = subscription && execution.token(subscription.tokenId);
  if (!subscription || !token) {
    throw new AppError(
      'MESSAGE_NOT_CORRELATED',
      `No open wait '${subscriptionId}' in this instance`,
    );
  }
  const catcher = execution.node(subscription.elementId);
  const holder = execution.node(token.elementId);
  execution.history('MESSAGE_CORRELATED', catcher.id, catcher.type);

  if (catcher.type === 'boundaryEvent') {
    if (catcher.cancelActivity === false) {
      execution.setVariables(token.scopeId, variables);
    } else {
      cancelToken(execution, token);
      execution.setVariables(token.scopeId, variables);
    }
    execution.arrive(catcher.id, { scopeId: token.scopeId });
    return;
  }

  unsubscribeToken(execution, token);
  execution.removeToken(token);
  execution.setVariables(token.scopeId, variables);
  if (holder.type === 'eventBasedGateway') {
    execution.history('ELEMENT_COMPLETED', holder.id, holder.type);
    const flowId = holder.outgoing.find((id) => execution.model.flows[id].targetRef === catcher.id);
    if (flowId) execution.history('SEQUENCE_FLOW_TAKEN', flowId, 'sequenceFlow');
    execution.history('ELEMENT_ACTIVATED', catcher.id, catcher.type);
  }
  execution.history('ELEMENT_COMPLETED', catcher.id, catcher.type);
  execution.leave(catcher, token.scopeId);
}
