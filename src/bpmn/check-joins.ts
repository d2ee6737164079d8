import type { Findings } from './findings';
import type { FlowNode, ProcessModel } from './model';

/**
 * A parallel join waits for a token on every incoming flow. Where a single token must choose
 * (an exclusive or event-based split, or an activity against its interrupting boundary events),
 * two incoming flows that only different choices lead to never both get a token: the join waits
 * for ever, a stuck dossier. Such a join is reported, naming the choice.
 */
export function checkParallelJoins(model: ProcessModel, findings: Findings): void {
  const nodes = Object.values(model.nodes);
  const joins = nodes.filter((n) => n.type === 'parallelGateway' && n.incoming.length > 1);
  if (joins.length === 0) return;
  for (const choice of choicesOf(model, nodes)) {
    const cutOff = unreachable(model, choice.at, new Set(choice.branches.flat()));
    const reach = choice.branches.map((branch) => reachable(model, branch, choice.at));
    for (const join of joins.filter((j) => j.parentId === choice.at.parentId)) {
      // For each incoming flow: the choices that lead to it (none: it does not depend on them).
      const ledBy = join.incoming.map((flowId) => {
        const source = model.flows[flowId]?.sourceRef ?? '';
        return choice.branches
          .map((branch, i) =>
            branch.includes(flowId) || (cutOff.has(source) && reach[i].has(source)) ? i : -1,
          )
          .filter((i) => i >= 0);
      });
      const exclusive = ledBy.some((a, i) =>
        ledBy.some(
          (b, k) => k > i && a.length > 0 && b.length > 0 && a.every((x) => !b.includes(x)),
        ),
      );
      if (!exclusive) continue;
      findings.warn(
        `Parallel join '${join.id}' waits for flows that only different choices at '${choice.at.id}' lead to: one token takes one of them, so the join never fires (use an exclusive or inclusive join)`,
        join.id,
        'engine/parallel-join',
      );
    }
  }
}

/** Where one token takes one of several ways: the ways, each a group of flows. */
function choicesOf(model: ProcessModel, nodes: FlowNode[]) {
  const choices: { at: FlowNode; branches: string[][] }[] = [];
  for (const node of nodes) {
    if (
      (node.type === 'exclusiveGateway' || node.type === 'eventBasedGateway') &&
      node.outgoing.length > 1
    )
      choices.push({ at: node, branches: node.outgoing.map((flowId) => [flowId]) });
    const interrupting = (node.boundaryEvents ?? [])
      .map((id) => model.nodes[id])
      .filter(
        (boundary) =>
          boundary && boundary.cancelActivity !== false && boundary.event?.kind !== 'compensate',
      );
    if (interrupting.length > 0 && node.outgoing.length > 0)
      choices.push({ at: node, branches: [node.outgoing, ...interrupting.map((b) => b.outgoing)] });
  }
  return choices;
}

/** The nodes of the choice's scope that no way in reaches when `removed` flows are taken away. */
function unreachable(model: ProcessModel, at: FlowNode, removed: Set<string>): Set<string> {
  const inScope = Object.values(model.nodes).filter((n) => n.parentId === at.parentId);
  // Boundary events are reached through their activity (see walk), not on their own.
  const roots = inScope.filter((n) => n.incoming.length === 0 && n.type !== 'boundaryEvent');
  const reached = walk(
    model,
    roots.map((n) => n.id),
    (flowId) => !removed.has(flowId),
  );
  return new Set(inScope.map((n) => n.id).filter((id) => !reached.has(id)));
}

/** The nodes a branch reaches without coming back through its choice. */
function reachable(model: ProcessModel, branch: string[], at: FlowNode): Set<string> {
  const starts = branch.map((flowId) => model.flows[flowId]?.targetRef ?? '');
  return walk(
    model,
    starts.filter((id) => id !== at.id),
    (flowId) => model.flows[flowId]?.targetRef !== at.id,
  );
}

function walk(
  model: ProcessModel,
  from: string[],
  follows: (flowId: string) => boolean,
): Set<string> {
  const reached = new Set<string>();
  const queue = [...from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reached.has(id) || !model.nodes[id]) continue;
    reached.add(id);
    for (const flowId of model.nodes[id].outgoing)
      if (follows(flowId)) queue.push(model.flows[flowId].targetRef);
    // An activity's boundary events go on from it too.
    for (const boundaryId of model.nodes[id].boundaryEvents ?? []) queue.push(boundaryId);
  }
  return reached;
}
