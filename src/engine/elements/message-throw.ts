import type { EventDefinition, FlowNode } from '../../bpmn/model';
import type { Execution } from '../execution';
import { correlationKeyFor } from '../subscriptions';

/**
 * A message end or throw event: the message, with the variables its scope sees, is handed to
 * the store, which delivers it once this step has committed.
 */
export function sendMessage(
  execution: Execution,
  node: FlowNode,
  event: Extract<EventDefinition, { kind: 'message' }>,
  scopeId: number,
): void {
  execution.effects.push({
    type: 'SEND_MESSAGE',
    elementId: node.id,
    messageName: event.messageName,
    correlationKey: correlationKeyFor(execution, event, node.id, scopeId),
    variables: execution.copyOfVariables(scopeId),
  });
  execution.history('MESSAGE_SENT', node.id, node.type);
}
