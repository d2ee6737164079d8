import type { FlowNode } from '../../bpmn/model';
import { AppError } from '../../errors';
import { conditionHolds } from '../condition';
import type { ArriveBehaviour, Execution } from '../execution';

/**
 * An inclusive gateway. As a split it takes every outgoing flow whose condition holds (the
 * default flow when none does). As a join it waits only for the branches that can still arrive:
 * tokens wait at it until no other token of the scope can reach it (see settle.ts).
 */
export const arriveAtInclusiveGateway: ArriveBehaviour = (execution, node, { scopeId, via }) => {
  if (node.incoming.length > 1) {
    execution.addToken(node.id, scopeId, via);
    return;
  }
  split(execution, node, scopeId);
};

export function fireInclusiveJoin(execution: Execution, node: FlowNode, scopeId: number): void {
  for (const token of execution.state.tokens.filter(
    (t) => t.elementId === node.id && t.scopeId === scopeId,
  )) {
    execution.removeToken(token);
  }
  split(execution, node, scopeId);
}

function split(execution: Execution, node: FlowNode, scopeId: number): void {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const { flows } = execution.model;
  const variables = execution.visibleVariables(scopeId);
  const taken = node.outgoing.filter(
    (flowId) => flowId !== node.defaultFlow && conditionHolds(flows[flowId], node.id, variables),
  );
  if (taken.length === 0 && node.defaultFlow) taken.push(node.defaultFlow);
  if (taken.length === 0) {
    throw new AppError(
      'NO_FLOW_MATCHED',
      `No condition of gateway '${node.id}' holds and it has no default flow`,
      {
        elementId: node.id,
      },
    );
  }
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
  for (const flowId of taken) execution.take(flowId, scopeId);
}

/** The inclusive joins with waiting tokens that no other token of their scope can still reach. */
export function inclusiveJoinsReady(execution: Execution): { node: FlowNode; scopeId: number }[] {
  const ready: { node: FlowNode; scopeId: number }[] = [];
  const seen = new Set<string>();
  for (const token of execution.state.tokens) {
    const node = execution.model.nodes[token.elementId];
    const key = `${token.scopeId}:${token.elementId}`;
    if (node?.type !== 'inclusiveGateway' || seen.has(key)) continue;
    seen.add(key);
    const others = execution.state.tokens.filter(
      (t) => t.scopeId === token.scopeId && t.elementId !== node.id,
    );
    if (!others.some((other) => canReach(execution, other.elementId, node.id))) {
      ready.push({ node, scopeId: token.scopeId });
    }
  }
  return ready;
}

/** Whether a token at `from` can still get to `target` along flows (and boundary events). */
function canReach(execution: Execution, from: string, target: string): boolean {
  const { nodes, flows } = execution.model;
  const visited = new Set<string>();
  const queue = [from];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (current === target) return true;
    if (visited.has(current)) continue;
    visited.add(current);
    const node = nodes[current];
    if (!node) continue;
    for (const flowId of node.outgoing) queue.push(flows[flowId].targetRef);
    for (const boundaryId of node.boundaryEvents ?? []) queue.push(boundaryId);
  }
  return false;
}
