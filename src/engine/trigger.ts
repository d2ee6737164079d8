import { AppError } from '../errors';
import { cancelToken } from './cancel';
import type { Execution } from './execution';
import { addDuration } from './iso-time';
import { unsubscribeToken } from './subscriptions';
import type { Variables } from './types';

/**
 * A message arrives or a timer fires for one of the instance's open waits. What happens depends
 * on who waits:
 * - a catch event or receive task: it completes and its token moves on;
 * - an event-based gateway: the event it leads to wins, the others stop waiting;
 * - a boundary event: an interrupting one cancels its activity, a non-interrupting one leaves
 *   the activity waiting (a repeating timer is set again); either way its own flow starts.
 * The message's variables are set from the scope of the waiting token.
 */
export function triggerWait(
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
  execution.history(
    subscription.kind === 'timer' ? 'TIMER_FIRED' : 'MESSAGE_CORRELATED',
    catcher.id,
    catcher.type,
  );

  if (catcher.type === 'boundaryEvent') {
    if (catcher.cancelActivity !== false) {
      cancelToken(execution, token);
    } else if (subscription.kind === 'timer') {
      const repeat = subscription.repeat;
      const again = repeat && repeat.remaining !== 0;
      execution.state.subscriptions = execution.state.subscriptions.filter(
        (s) => s.id !== subscription.id,
      );
      if (again) {
        const next = {
          ...subscription,
          dueAt: addDuration(subscription.dueAt, repeat.interval),
          repeat: {
            interval: repeat.interval,
            remaining: repeat.remaining === null ? null : repeat.remaining - 1,
          },
        };
        execution.state.subscriptions.push(next);
        execution.effects.push({ type: 'SCHEDULE_TIMER', timer: next });
      }
    }
    execution.setVariables(token.scopeId, variables);
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
