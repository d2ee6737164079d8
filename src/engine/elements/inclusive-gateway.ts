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

/** Fires the join: one waiting token per incoming flow goes on; later arrivals wait again. */
export function fireInclusiveJoin(execution: Execution, node: FlowNode, scopeId: number): void {
  const waiting = execution.arrivedAt(node.id, scopeId);
  for (const flowId of node.incoming) {
    const token = waiting.find((t) => t.arrivedVia === flowId);
    if (token) execution.removeToken(token);
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

/**
 * The inclusive joins that may fire, as BPMN says: some incoming flow has a token, and no other
 * token of the scope can still reach an incoming flow that has none.
 */
export function inclusiveJoinsReady(execution: Execution): { node: FlowNode; scopeId: number }[] {
  const ready: { node: FlowNode; scopeId: number }[] = [];
  const seen = new Set<string>();
  for (const token of execution.state.tokens) {
    const node = execution.model.nodes[token.elementId];
    const key = `${token.scopeId}:${token.elementId}`;
    if (token.continuation || node?.type !== 'inclusiveGateway' || seen.has(key)) continue;
    seen.add(key);
    const here = execution.state.tokens.filter((t) => t.scopeId === token.scopeId);
    const arrived = execution.arrivedAt(node.id, token.scopeId);
    const filled = new Set(arrived.map((t) => t.arrivedVia));
    const empty = new Set(node.incoming.filter((flowId) => !filled.has(flowId)));
    // A branch waiting in front of the join (an async continuation) is still to come.
    const coming = here.some((t) => t.elementId === node.id && t.continuation);
    const others = here.filter((t) => t.elementId !== node.id);
    if (!coming && !others.some((other) => canReachAny(execution, other.elementId, empty))) {
      ready.push({ node, scopeId: token.scopeId });
    }
  }
  return ready;
}

/** Whether a token at `from` can still take one of `flows`, following flows and boundary events. */
function canReachAny(execution: Execution, from: string, flows: ReadonlySet<string>): boolean {
  if (flows.size === 0) return false;
  const { nodes, flows: all } = execution.model;
  const visited = new Set<string>();
  const queue = [from];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    if (visited.has(current)) continue;
    visited.add(current);
    const node = nodes[current];
    if (!node) continue;
    for (const flowId of node.outgoing) {
      if (flows.has(flowId)) return true;
      queue.push(all[flowId].targetRef);
    }
    for (const boundaryId of node.boundaryEvents ?? []) queue.push(boundaryId);
  }
  return false;
}
