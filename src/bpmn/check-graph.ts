import type { Findings } from './findings';
import type { FlowNode, ProcessModel } from './model';

/**
 * Structural checks of a compiled process: start events per scope, flows that connect existing
 * nodes of one scope, gateways with somewhere to go, boundary events on activities, conditions
 * only where they are evaluated. Sets the model's start events. Elements already reported as
 * unsupported are not reported again through the flows that reach them.
 */
export function checkGraph(
  model: ProcessModel,
  findings: Findings,
  unsupported: ReadonlyMap<string, string | undefined>,
): void {
  const nodes = Object.values(model.nodes);
  checkStarts(model, nodes, findings, new Set(unsupported.values()));

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
    const source = model.nodes[flow.sourceRef];
    const target = model.nodes[flow.targetRef];
    if (source && target && source.parentId !== target.parentId) {
      findings.invalid(`Sequence flow '${flow.id}' crosses a sub-process boundary`, flow.id);
    }
  }
  for (const node of nodes) checkNode(model, node, findings, unsupported);
}

/** The process starts at one none start event and/or message start events; a sub-process at one none start. */
function checkStarts(
  model: ProcessModel,
  nodes: FlowNode[],
  findings: Findings,
  scopesWithUnsupported: ReadonlySet<string | undefined>,
): void {
  const scopes = new Map<string | undefined, FlowNode[]>([[undefined, []]]);
  for (const node of nodes) {
    if (node.type === 'subProcess' && !scopes.has(node.id)) scopes.set(node.id, []);
    if (node.type === 'startEvent') {
      const list = scopes.get(node.parentId) ?? [];
      list.push(node);
      scopes.set(node.parentId, list);
    }
  }
  for (const [scope, starts] of scopes) {
    const none = starts.filter((start) => !start.event);
    const typed = starts.filter((start) => start.event);
    const subProcess = scope === undefined ? undefined : model.nodes[scope];
    const where = scope === undefined ? `Process '${model.key}'` : `Sub-process '${scope}'`;
    if (subProcess?.triggeredByEvent) {
      checkEventSubProcessStart(subProcess, starts, findings);
      continue;
    }
    if (scope === undefined) {
      // Several none starts are several ways in: startProcess names one, else the first is taken.
      model.startEventId = none[0]?.id;
      for (const start of typed) {
        if (start.event?.kind === 'message') {
          model.messageStarts.push({ elementId: start.id, messageName: start.event.messageName });
        } else if (start.event?.kind === 'timer') {
          (model.timerStarts ??= []).push(start.id);
        } else if (start.event?.kind === 'conditional') {
          (model.conditionalStarts ??= []).push({
            elementId: start.id,
            condition: start.event.condition,
          });
        } else if (start.event?.kind === 'signal') {
          (model.signalStarts ??= []).push({
            elementId: start.id,
            signalName: start.event.signalName,
          });
        } else {
          findings.invalid(
            `Start event '${start.id}' may only start an event sub-process`,
            start.id,
          );
        }
      }
      if (none.length === 0 && typed.length === 0)
        findings.invalid(`${where} has no start event`, model.key);
    } else {
      if (typed.length > 0)
        findings.invalid(`${where} may only start with a none start event`, typed[0].id);
      if (!subProcess) continue;
      // Every none start of a sub-process is a way in: each gets a token when it starts.
      subProcess.startIds =
        none.length > 0 ? none.map((start) => start.id) : implicitStarts(nodes, scope);
      // Where refused elements sit, the start may be among them: they are reported already.
      if (subProcess.startIds.length === 0 && !scopesWithUnsupported.has(scope)) {
        findings.invalid(`${where} has no start event`, scope);
      }
    }
  }
}

/** An event sub-process starts at exactly one start event that says what it waits for. */
function checkEventSubProcessStart(
  subProcess: FlowNode,
  starts: FlowNode[],
  findings: Findings,
): void {
  const [start] = starts;
  // A start whose own event definition was refused is reported already.
  if (
    starts.length === 1 &&
    !start.event &&
    findings.errors.some((e) => e.problem.elementId === start.id)
  )
    return;
  if (starts.length !== 1 || !start.event) {
    findings.invalid(
      `Event sub-process '${subProcess.id}' needs exactly one start event with an event definition`,
      subProcess.id,
    );
    return;
  }
  if (start.event.kind === 'error' && start.cancelActivity === false) {
    findings.invalid(`The error start event '${start.id}' must interrupt`, start.id);
  }
  subProcess.startIds = [start.id];
}

/** The inner nodes of a sub-process that no flow leads to, which BPMN starts when there is no start event. */
function implicitStarts(nodes: FlowNode[], scope: string): string[] {
  return nodes
    .filter((node) => node.parentId === scope && node.incoming.length === 0)
    .filter(
      (node) =>
        node.type !== 'boundaryEvent' && node.type !== 'startEvent' && !node.triggeredByEvent,
    )
    .map((node) => node.id);
}

function checkNode(
  model: ProcessModel,
  node: FlowNode,
  findings: Findings,
  unsupported: ReadonlyMap<string, string | undefined>,
): void {
  const { id } = node;
  if (node.type === 'startEvent' && node.incoming.length > 0) {
    findings.invalid(`Start event '${id}' has incoming sequence flows`, id);
  }
  if (node.type === 'endEvent' && node.outgoing.length > 0) {
    findings.invalid(`End event '${id}' has outgoing sequence flows`, id);
  }
  if (node.type === 'boundaryEvent') {
    if (!unsupported.has(node.attachedTo ?? '')) checkBoundary(model, node, findings);
  } else if (node.type !== 'startEvent' && node.incoming.length === 0 && !reachedOtherwise(node)) {
    findings.warn(
      `'${id}' has no incoming sequence flow and is never reached`,
      id,
      'engine/reachable',
    );
  }
  const isGateway = node.type.endsWith('Gateway');
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
    } else if (node.type === 'parallelGateway' || node.type === 'eventBasedGateway') {
      findings.warn(
        `Flow '${flowId}' leaves ${node.type} '${id}'; its condition is ignored`,
        flowId,
      );
    } else if (node.type.endsWith('Event')) {
      findings.invalid(
        `Flow '${flowId}' leaves event '${id}' and may not have a condition`,
        flowId,
      );
    }
  }
  if (
    (node.type === 'exclusiveGateway' || node.type === 'inclusiveGateway') &&
    node.outgoing.length > 1
  ) {
    for (const flowId of node.outgoing) {
      if (
        flowId !== node.defaultFlow &&
        !model.flows[flowId]?.condition &&
        !unsupported.has(flowId)
      ) {
        findings.invalid(
          `Flow '${flowId}' leaves ${node.type} '${id}' with neither a condition nor being its default flow`,
          flowId,
          'engine/gateway-conditions',
        );
      }
    }
  }
  if (node.type === 'eventBasedGateway') checkEventGateway(model, node, findings);
}

const ACTIVITY_TYPES = new Set<FlowNode['type']>([
  'userTask',
  'receiveTask',
  'serviceTask',
  'sendTask',
  'subProcess',
  'callActivity',
  'task',
  'manualTask',
  'scriptTask',
  'businessRuleTask',
]);

/** A compensation handler and a link catch event are reached without a sequence flow. */
function reachedOtherwise(node: FlowNode): boolean {
  return node.forCompensation === true || node.event?.kind === 'link';
}

function checkBoundary(model: ProcessModel, node: FlowNode, findings: Findings): void {
  const host = node.attachedTo ? model.nodes[node.attachedTo] : undefined;
  if (!host) {
    findings.invalid(
      `Boundary event '${node.id}' is not attached to an activity of the process`,
      node.id,
    );
  } else if (!ACTIVITY_TYPES.has(host.type)) {
    findings.invalid(
      `Boundary event '${node.id}' is attached to '${host.id}', which is not an activity`,
      node.id,
    );
  }
  if (node.incoming.length > 0)
    findings.invalid(`Boundary event '${node.id}' has incoming sequence flows`, node.id);
  if (node.event?.kind === 'error' && node.cancelActivity === false) {
    findings.invalid(`Error boundary event '${node.id}' must interrupt its activity`, node.id);
  }
}

/** After an event-based gateway come only the events (or receive tasks) that race each other. */
function checkEventGateway(model: ProcessModel, node: FlowNode, findings: Findings): void {
  for (const flowId of node.outgoing) {
    const target = model.nodes[model.flows[flowId]?.targetRef ?? ''];
    // A target whose own event was refused is reported already.
    if (!target || (target.type === 'intermediateCatchEvent' && !target.event)) continue;
    const catches =
      target.type === 'receiveTask' || (target.type === 'intermediateCatchEvent' && target.event);
    if (!catches || target.incoming.length !== 1) {
      findings.invalid(
        `Event-based gateway '${node.id}' must lead only to catch events or receive tasks reached from it alone ('${target.id}' is not)`,
        node.id,
      );
    }
  }
}
