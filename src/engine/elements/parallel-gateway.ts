import type { ArriveBehaviour } from '../execution';

/**
 * A parallel gateway waits until a token has arrived by each incoming flow (a join), then sends
 * a token down every outgoing flow (a split). Tokens that arrive twice by the same flow wait for
 * the next firing, as the BPMN specification says.
 */
export const arriveAtParallelGateway: ArriveBehaviour = (execution, node, { scopeId, via }) => {
  if (node.incoming.length > 1) {
    execution.addToken(node.id, scopeId, via);
    const waiting = execution.arrivedAt(node.id, scopeId);
    const oneByEachFlow = node.incoming.map((flowId) =>
      waiting.find((t) => t.arrivedVia === flowId),
    );
    if (oneByEachFlow.some((token) => token === undefined)) return;
    for (const token of oneByEachFlow) if (token) execution.removeToken(token);
  }
  execution.pass(node);
  for (const flowId of node.outgoing) execution.take(flowId, scopeId);
};
