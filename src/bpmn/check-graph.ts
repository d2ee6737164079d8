import type { Findings } from './compile';
import type { FlowNode, ProcessModel } from './model';

/**
 * Structural checks of a compiled process: one none start event, flows that connect existing
 * nodes, gateways with somewhere to go, conditions only where they are evaluated. Sets the
 * model's start event. Elements already reported as unsupported are not reported again through
 * the flows that reach them.
 */
export function checkGraph(
  model: ProcessModel,
  findings: Findings,
  unsupported: ReadonlySet<string>,
): void {
  const nodes = Object.values(model.nodes);
  const starts = nodes.filter((node) => node.type === 'startEvent');
  if (starts.length === 0) {
    findings.invalid(`Process '${model.key}' has no start event`, model.key);
  } else if (starts.length > 1) {
    findings.unsupported(
      `Process '${model.key}' has ${starts.length} start events; the engine runs processes with one`,
      starts[1].id,
    );
  } else {
    model.startEventId = starts[0].id;
  }

  for (const flow of Object.values(model.flows)) {
    for (const end of [flow.sourceRef, flow.targetRef]) {
      if (!model.nodes[end] && !unsupported.has(end)) {
        findings.invalid(
          end
            ? `Sequence flow '${flow.id}' connects to '${end}', which is not a flow node of the process`
            : `Sequence flow '${flow.id}' lacks a source or target that exists in the file`,
          flow.id,
        );
      }
    }
  }
  for (const node of nodes) checkNode(model, node, findings);
}

function checkNode(model: ProcessModel, node: FlowNode, findings: Findings): void {
  const { id } = node;
  if (node.type === 'startEvent' && node.incoming.length > 0) {
    findings.invalid(`Start event '${id}' has incoming sequence flows`, id);
  }
  if (node.type === 'endEvent' && node.outgoing.length > 0) {
    findings.invalid(`End event '${id}' has outgoing sequence flows`, id);
  }
  if (node.type !== 'startEvent' && node.incoming.length === 0) {
    findings.warn(`'${id}' has no incoming sequence flow and is never reached`, id);
  }
  const isGateway = node.type === 'exclusiveGateway' || node.type === 'parallelGateway';
  if (isGateway && node.outgoing.length === 0) {
    findings.invalid(`Gateway '${id}' has no outgoing sequence flow`, id);
  }
  if (node.defaultFlow && !node.outgoing.includes(node.defaultFlow)) {
    findings.invalid(`The default flow of '${id}' is not one of its outgoing flows`, id);
  }
  for (const flowId of node.outgoing) {
    const flow = model.flows[flowId];
    if (!flow?.condition) continue;
    if (flowId === node.defaultFlow) {
      findings.warn(`Default flow '${flowId}' has a condition, which is ignored`, flowId);
    } else if (node.type === 'parallelGateway') {
      findings.warn(
        `Flow '${flowId}' leaves parallel gateway '${id}'; its condition is ignored`,
        flowId,
      );
    } else if (node.type === 'startEvent' || node.type === 'endEvent') {
      findings.invalid(
        `Flow '${flowId}' leaves event '${id}' and may not have a condition`,
        flowId,
      );
    }
  }
  if (node.type === 'exclusiveGateway' && node.outgoing.length > 1) {
    for (const flowId of node.outgoing) {
      if (flowId !== node.defaultFlow && !model.flows[flowId]?.condition) {
        findings.warn(
          `Flow '${flowId}' leaves exclusive gateway '${id}' without a condition: it is always taken when reached`,
          flowId,
        );
      }
    }
  }
}
