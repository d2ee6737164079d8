import type { ArriveBehaviour } from '../execution';
import { subscribe } from '../subscriptions';

/**
 * An event-based gateway: the token waits at the gateway, listening for every event after it.
 * The first to come wins and the others stop listening (see correlate.ts).
 */
export const arriveAtEventBasedGateway: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const token = execution.addToken(node.id, scopeId);
  for (const flowId of node.outgoing) {
    subscribe(execution, execution.node(execution.model.flows[flowId].targetRef), { token });
  }
};
