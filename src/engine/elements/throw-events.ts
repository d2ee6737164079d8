import type { FlowNode } from '../../bpmn/model';
import type { ArriveBehaviour, Execution } from '../execution';
import { throwEvent } from '../error-propagation';
import { compensate } from '../compensation';
import { sendMessage } from './message-throw';
import { arriveAtServiceTask } from './service-task';

/**
 * An intermediate throw event: none passes, message sends, signal broadcasts, escalation throws
 * and goes on, link jumps to its catch event, compensation waits for its handlers.
 */
export const arriveAtThrowEvent: ArriveBehaviour = (execution, node, arrival) => {
  // Camunda 8 sends the message of such an event through a job worker, like a send task.
  if (node.jobType) return arriveAtServiceTask(execution, node, arrival);
  const { scopeId } = arrival;
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const event = node.event;
  if (event?.kind === 'message') sendMessage(execution, node, event, scopeId);
  if (event?.kind === 'signal') broadcastSignal(execution, node, event.signalName, scopeId);
  if (event?.kind === 'compensate') return compensate(execution, node, scopeId);
  if (
    event?.kind === 'escalation' &&
    !throwEvent(execution, node, 'escalation', event.escalationCode, scopeId)
  ) {
    return;
  }
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
  if (event?.kind === 'link') return jumpToLink(execution, node, event.linkName, scopeId);
  execution.leave(node, scopeId);
};

/** A signal goes to the store with the variables its scope sees, broadcast once the step commits. */
export function broadcastSignal(
  execution: Execution,
  node: FlowNode,
  signalName: string,
  scopeId: number,
): void {
  execution.effects.push({
    type: 'BROADCAST_SIGNAL',
    elementId: node.id,
    signalName,
    variables: execution.copyOfVariables(scopeId),
  });
  execution.history('SIGNAL_THROWN', node.id, node.type);
}

/** The token goes on at the link catch event of the same name in the same scope (checked at deploy). */
function jumpToLink(execution: Execution, node: FlowNode, linkName: string, scopeId: number) {
  const target = Object.values(execution.model.nodes).find(
    (other) =>
      other.type === 'intermediateCatchEvent' &&
      other.parentId === node.parentId &&
      other.event?.kind === 'link' &&
      other.event.linkName === linkName,
  );
  if (target) execution.arrive(target.id, { scopeId });
}
