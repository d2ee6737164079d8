import type { ArriveBehaviour } from '../execution';
import { throwEvent } from '../error-propagation';
import { sendMessage } from './message-throw';

/** An intermediate throw event: none passes, message sends, escalation throws and goes on. */
export const arriveAtThrowEvent: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const event = node.event;
  if (event?.kind === 'message') sendMessage(execution, node, event, scopeId);
  if (
    event?.kind === 'escalation' &&
    !throwEvent(execution, node, 'escalation', event.escalationCode, scopeId)
  ) {
    return;
  }
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
  execution.leave(node, scopeId);
};
