import { cancelScope } from '../cancel';
import type { ArriveBehaviour } from '../execution';
import { sendMessage } from './message-throw';
import { arriveAtServiceTask } from './service-task';
import { throwEvent } from '../error-propagation';
import { compensate } from '../compensation';
import { broadcastSignal } from './throw-events';

/**
 * An end event consumes its token; its scope completes when no token is left. A terminate end
 * consumes every other token of its scope too; an error or escalation end throws to the
 * sub-processes around it; a message end sends its message, a signal end broadcasts its signal;
 * a compensation end waits for the handlers it runs.
 */
export const arriveAtEndEvent: ArriveBehaviour = (execution, node, arrival) => {
  // Camunda 8 sends the message of such an event through a job worker; the path ends after it.
  if (node.jobType) return arriveAtServiceTask(execution, node, arrival);
  const { scopeId } = arrival;
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const event = node.event;
  if (event?.kind === 'message') sendMessage(execution, node, event, scopeId);
  if (event?.kind === 'signal') broadcastSignal(execution, node, event.signalName, scopeId);
  if (event?.kind === 'compensate') return compensate(execution, node, scopeId);
  if (event?.kind === 'error' || event?.kind === 'escalation') {
    const code = event.kind === 'error' ? event.errorCode : event.escalationCode;
    if (!throwEvent(execution, node, event.kind, code, scopeId)) return;
  }
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
  if (event?.kind === 'terminate') {
    execution.dropMoving(scopeId);
    cancelScope(execution, scopeId, { removeScope: false });
  }
};
