import type { Findings } from './findings';
import type { FlowNode, ProcessModel } from './model';

/**
 * A parallel join waits for a token on every incoming flow. When two of its incoming flows can
 * be reached only through different branches of one exclusive (or event-based) split, a single
 * token takes one branch or the other, never both, and the join waits for ever: a stuck dossier.
 * A flow "can be reached only through" a branch when removing that branch cuts it off from every
 * way into its scope (start events, boundary events, event sub-processes).
 */
export function checkParallelJoins(model: ProcessModel, findings: Findings): void {
  const nodes = Object.values(model.nodes);
  for (const split of nodes.filter(isChoice)) {
    const cutOff = split.outgoing.map((branch) => unreachableWithout(model, split, branch));
    for (const join of nodes.filter((n) => n.type === 'parallelGateway' && n.incoming.length > 1)) {
      if (join.parentId !== split.parentId) continue;
      const branchOf = (flowId: string) =>
        cutOff.findIndex((gone) => gone.has(model.flows[flowId]?.sourceRef ?? ''));
      const branches = new Set(join.incoming.map(branchOf).filter((index) => index >= 0));
      if (branches.size < 2) continue;
      findings.warn(
        `Parallel join '${join.id}' waits for flows that only different branches of '${split.id}' lead to: one token takes one branch, so the join never fires (use an exclusive or inclusive join)`,
        join.id,
        'engine/parallel-join',
      );
    }
  }
}

const isChoice = (node: FlowNode) =>
  (node.type === 'exclusiveGateway' || node.type === 'eventBasedGateway') &&
  node.outgoing.length > 1;

/** The nodes of the split's scope that no way in reaches once `branch` is taken away. */
function unreachableWithout(model: ProcessModel, split: FlowNode, branch: string): Set<string> {
  const inScope = Object.values(model.nodes).filter((n) => n.parentId === split.parentId);
  const reached = new Set<string>();
  const queue = inScope.filter((n) => n.incoming.length === 0).map((n) => n.id);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reached.has(id)) continue;
    reached.add(id);
    for (const flowId of model.nodes[id]?.outgoing ?? []) {
      if (flowId !== branch) queue.push(model.flows[flowId].targetRef);
    }
  }
  return new Set(inScope.map((n) => n.id).filter((id) => !reached.has(id)));
}
