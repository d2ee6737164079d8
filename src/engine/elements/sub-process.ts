import type { ArriveBehaviour } from '../execution';
import { inputsOf } from '../variable-mapping';
import { subscribeBoundaries, subscribeEventSubProcesses } from '../subscriptions';

/**
 * An embedded sub-process: its token waits while a new scope runs the inner flow from its start
 * event. The scope completing moves the token on (see settle.ts).
 */
export const arriveAtSubProcess: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const token = execution.addToken(node.id, scopeId);
  const inner = {
    id: execution.newId(),
    elementId: node.id,
    parentId: scopeId,
    tokenId: token.id,
    variables: inputsOf(execution, node, scopeId) ?? {},
  };
  execution.state.scopes.push(inner);
  subscribeBoundaries(execution, node, token);
  subscribeEventSubProcesses(execution, inner.id);
  for (const startId of node.startIds ?? []) execution.arrive(startId, { scopeId: inner.id });
};
