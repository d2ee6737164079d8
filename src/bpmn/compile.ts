import type { ModdleElement } from 'bpmn-moddle';
import { AppError, type Problem } from '../errors';
import { conditionSource } from './condition-source';
import { Findings } from './findings';
import {
  COMPONENT_KINDS,
  type ComponentKindName,
  type DossierComponent,
  type FlowNode,
  type FlowNodeType,
  type ProcessModel,
  type SequenceFlow,
} from './model';
import { parseBpmnXml } from './parse-xml';
import { decodeBpmnFile } from './decode';
import { assignmentOf } from './assignment';
import { callOf } from './call-activity';
import { refuseClock } from './feel-clock';
import { ioMappingsOf } from './io-mapping';
import { jobOf } from './job';
import { multiInstanceOf } from './multi-instance';
import { asList, lanesByNode, splitList } from './roles';
import { checkGraph } from './check-graph';
import { checkDurations } from './durations';
import { feeRuleOf } from './fee-rule';
import { asyncOf } from './async';
import { lintWithBpmnlint } from './lint';
import { eventDefinitionOf, throwsByJob } from './event-definition';
import { declaredVariablesOf } from './declared-variables';
import { decisionOf, scriptOf } from './script';
import { checkLinks } from './check-links';
import { checkParallelJoins } from './check-joins';
import { checkCompensation, linkCompensationHandlers } from './compensation';

/** The role of an agency's leaders (lãnh đạo), who take what no role was named for. */
const LEADERS = 'leader';

export interface CompiledBpmn {
  processes: ProcessModel[];
  warnings: Problem[];
}

/** The BPMN elements the engine runs, by their type in the file. */
export const NODE_TYPES: Record<string, FlowNodeType> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:UserTask': 'userTask',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
};

/** Elements that carry data or documentation only: they do not change how a process runs. */
const PASSIVE_TYPES = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

/** Extensions that change behaviour in the engine they were written for, and that we do not apply. */
const UNAPPLIED_EXTENSIONS: Record<string, string> = {
  'camunda:ExecutionListener': 'execution listeners',
  'camunda:TaskListener': 'task listeners',
};

export interface ValidationReport {
  errors: Problem[];
  warnings: Problem[];
}

/**
 * Every problem of a file, without deploying it: what `validateProcess` and `npm run lint:bpmn`
 * show. A file that cannot be parsed at all has that one error. Bytes are decoded as the file's
 * XML declaration says.
 */
export async function validateBpmn(file: string | Uint8Array): Promise<ValidationReport> {
  try {
    const { warnings } = await compileBpmn(typeof file === 'string' ? file : decodeBpmnFile(file));
    return { errors: [], warnings };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const errors = error.details.problems ?? [
      { message: error.message, elementId: error.details.elementId, rule: 'engine/xml' },
    ];
    return { errors, warnings: error.details.warnings ?? [] };
  }
}

/** Parses and compiles every executable process of a BPMN file, or throws naming each problem. */
export async function compileBpmn(xml: string): Promise<CompiledBpmn> {
  const { definitions, warnings } = await parseBpmnXml(xml);
  const findings = new Findings();
  findings.warnings.push(...warnings);
  const drawn = asList(definitions.rootElements).filter((e) => e.$type === 'bpmn:Process');
  const processes = drawn
    .filter((process) => process.isExecutable !== false)
    .map((process) => compileProcess(process, declaredLanguage(definitions), findings));
  if (processes.length === 0) {
    const found = drawn.map((process) => `'${process.id ?? '(no id)'}' (isExecutable="false")`);
    findings.invalid(
      `The file has no executable process (a <process> with isExecutable="true")${found.length > 0 ? `; it has ${found.join(', ')}` : ', and no <process> at all (a collaboration without processes?)'}`,
    );
  }
  warnNotExecutableCallees(drawn, processes, findings);
  await lintWithBpmnlint(definitions, findings);
  findings.throwIfAny();
  return { processes, warnings: findings.warnings };
}

/** A call activity calling a process of the same file that is not executable would wait for ever. */
function warnNotExecutableCallees(
  drawn: ModdleElement[],
  processes: ProcessModel[],
  findings: Findings,
): void {
  const drawnOnly = new Set(drawn.filter((p) => p.isExecutable === false).map((p) => p.id));
  for (const node of processes.flatMap((model) => Object.values(model.nodes))) {
    const key = node.call?.processKey;
    if (key === undefined || !drawnOnly.has(key)) continue;
    findings.warn(
      `Call activity '${node.id}' calls '${key}', which this file draws with isExecutable="false": it will not be deployed, so the call waits unless another file deploys it`,
      node.id,
      'engine/called-process',
    );
  }
}

/** The expression language the file declares, if it declares one (the parser fills in XPath). */
function declaredLanguage(definitions: ModdleElement): string | undefined {
  return Object.prototype.hasOwnProperty.call(definitions, 'expressionLanguage')
    ? String(definitions.expressionLanguage)
    : undefined;
}

function compileProcess(
  process: ModdleElement,
  language: string | undefined,
  findings: Findings,
): ProcessModel {
  const laneOf = lanesByNode(process);
  const nodes: Record<string, FlowNode> = {};
  const flows: Record<string, SequenceFlow> = {};
  /** Elements refused as unsupported, with the sub-process they are in. */
  const unsupported = new Map<string, string | undefined>();
  const eventSubProcesses: string[] = [];

  // Sub-processes are flattened: their elements join the same maps, each with its parentId.
  const collect = (container: ModdleElement, parentId: string | undefined) => {
    for (const element of asList(container.flowElements)) {
      const id = element.id ?? '';
      if (id === '') {
        const kind = element.$type.replace('bpmn:', '');
        findings.invalid(
          `A ${kind}${element.name ? ` named '${element.name}'` : ''} in '${container.id ?? '(no id)'}' has no id: every element needs one`,
          container.id,
          'engine/id',
        );
        continue;
      }
      if (element.$type === 'bpmn:SequenceFlow') {
        const { flow, refused } = compileFlow(element, language, findings);
        flows[id] = flow;
        // A flow whose condition was refused is not reported again as lacking one.
        if (refused) unsupported.set(id, parentId);
        continue;
      }
      if (PASSIVE_TYPES.has(element.$type)) continue;
      const type = NODE_TYPES[element.$type];
      if (!type) {
        unsupported.set(id, parentId);
        const kind = element.$type.replace('bpmn:', '');
        findings.unsupported(`Element '${id}' (${kind}) is not supported by the engine yet`, id);
        continue;
      }
      nodes[id] = compileNode(element, type, laneOf, findings);
      if (parentId !== undefined) nodes[id].parentId = parentId;
      if (element.triggeredByEvent === true) {
        nodes[id].triggeredByEvent = true;
        if (parentId === undefined) eventSubProcesses.push(id);
        else (nodes[parentId].eventSubProcesses ??= []).push(id);
      }
      if (type === 'subProcess') collect(element, id);
    }
  };
  collect(process, undefined);

  wire(nodes, flows);
  for (const container of [process, ...subProcessesOf(process)])
    linkCompensationHandlers(container, nodes, findings);
  checkCompensation(nodes, findings);
  const model: ProcessModel = {
    ...procedureOf(process, findings),
    messageStarts: [],
    eventSubProcesses,
    nodes,
    flows,
  };
  checkGraph(model, findings, unsupported);
  checkLinks(model, findings);
  checkParallelJoins(model, findings);
  checkDurations(model, findings);
  return model;
}

/** The sub-processes of a process, at any depth, as the parser gives them. */
function subProcessesOf(container: ModdleElement): ModdleElement[] {
  return asList(container.flowElements)
    .filter((element) => element.$type === 'bpmn:SubProcess')
    .flatMap((element) => [element, ...subProcessesOf(element)]);
}

/**
 * Wiring comes from the flows' sourceRef and targetRef, which BPMN requires; a node's
 * <incoming>/<outgoing> children are optional and often missing in hand-written files.
 */
function wire(nodes: Record<string, FlowNode>, flows: Record<string, SequenceFlow>): void {
  for (const flow of Object.values(flows)) {
    nodes[flow.sourceRef]?.outgoing.push(flow.id);
    nodes[flow.targetRef]?.incoming.push(flow.id);
  }
  for (const node of Object.values(nodes)) {
    const host = node.attachedTo ? nodes[node.attachedTo] : undefined;
    if (host) (host.boundaryEvents ??= []).push(node.id);
  }
}

/** What the process says of the procedure: its code, field, statutory time, fees, papers. */
function procedureOf(process: ModdleElement, findings: Findings) {
  const variables = declaredVariablesOf(process, findings);
  return {
    key: process.id ?? '',
    name: optionalString(process.name),
    procedureCode: optionalString(process.get('tthc:procedureCode')),
    field: optionalString(process.get('tthc:field')),
    statutoryDuration: optionalString(process.get('tthc:statutoryDuration')),
    englishName: optionalString(process.get('tthc:englishName')),
    fee: optionalString(process.get('tthc:fee')),
    onlineService: onlineServiceOf(
      process.id ?? '',
      optionalString(process.get('tthc:onlineService')),
      findings,
    ),
    feeRule: feeRuleOf(process.id ?? '', optionalString(process.get('tthc:feeAmount')), findings),
    unverified: splitList(optionalString(process.get('tthc:unverified'))),
    components: componentsOf(process, findings),
    ...(variables.length > 0 && { variables }),
  };
}

function compileNode(
  element: ModdleElement,
  type: FlowNodeType,
  laneOf: ReadonlyMap<string, ModdleElement>,
  findings: Findings,
): FlowNode {
  const id = element.id ?? '';
  const node: FlowNode = {
    id,
    type,
    name: optionalString(element.name),
    incoming: [],
    outgoing: [],
  };
  const defaultFlow = element.default as ModdleElement | undefined;
  if (defaultFlow?.id) node.defaultFlow = defaultFlow.id;
  const event = eventDefinitionOf(element, type, findings);
  if (event) node.event = event;
  if (type === 'boundaryEvent') {
    node.attachedTo = (element.attachedToRef as ModdleElement | undefined)?.id ?? '';
    node.cancelActivity = element.cancelActivity !== false;
  }
  if (type === 'startEvent' && node.event) node.cancelActivity = element.isInterrupting !== false;
  for (const extension of asList(
    (element.extensionElements as ModdleElement | undefined)?.values,
  )) {
    const what = UNAPPLIED_EXTENSIONS[extension.$type];
    if (what)
      findings.warn(
        `'${id}' has ${what} (${extension.$type}), which the engine does not apply`,
        id,
      );
  }
  if (type !== 'startEvent' && type !== 'endEvent' && !type.endsWith('Gateway')) {
    Object.assign(node, ioMappingsOf(element, findings));
  }
  if (element.get('tthc:pausesClock') === true) node.pausesClock = true;
  if (element.get('tthc:resultReady') === true) node.resultReady = true;
  Object.assign(node, asyncOf(element, findings));
  const multiInstance = multiInstanceOf(element, findings);
  if (multiInstance) node.multiInstance = multiInstance;
  if (type === 'serviceTask' || type === 'sendTask' || throwsByJob(element))
    Object.assign(node, jobOf(element, findings));
  if (type === 'callActivity') node.call = callOf(element, findings);
  if (type === 'scriptTask') Object.assign(node, scriptOf(element, findings));
  if (type === 'businessRuleTask') Object.assign(node, decisionOf(element, findings));
  if (element.isForCompensation === true) node.forCompensation = true;
  if (type === 'userTask') {
    Object.assign(node, assignmentOf(element, laneOf, findings));
    // A step nobody was named for is not lost: the agency's leaders see it and can assign it.
    const named = node.candidateUsers || node.assignee || node.assignmentExpressions;
    if (node.candidateGroups?.length === 0 && !named) {
      node.candidateGroups = [LEADERS];
      findings.warn(
        `User task '${id}' has no role, so it goes to the agency's leaders: put it in a lane or set candidate groups, users or an assignee`,
        id,
        'engine/task-role',
      );
    }
  }
  return node;
}

function compileFlow(
  element: ModdleElement,
  language: string | undefined,
  findings: Findings,
): { flow: SequenceFlow; refused: boolean } {
  const id = element.id ?? '';
  const flow: SequenceFlow = {
    id,
    name: optionalString(element.name),
    sourceRef: (element.sourceRef as ModdleElement | undefined)?.id ?? '',
    targetRef: (element.targetRef as ModdleElement | undefined)?.id ?? '',
  };
  const expression = element.conditionExpression as ModdleElement | undefined;
  if (!expression) return { flow, refused: false };
  const result = conditionSource(id, expression, language);
  if ('condition' in result && refuseClock(result.condition, id, findings))
    return { flow, refused: true };
  if ('condition' in result) {
    flow.condition = result.condition;
    if (result.warning) findings.warnings.push(result.warning);
    return { flow, refused: false };
  }
  findings.add(result.code, result.problem);
  return { flow, refused: true };
}

/** The papers listed as `tthc:component` extension elements of the process. */
function componentsOf(process: ModdleElement, findings: Findings): DossierComponent[] {
  return asList((process.extensionElements as ModdleElement | undefined)?.values)
    .filter((value) => value.$type === 'tthc:Component')
    .map((component) => {
      const name = optionalString(component.name) ?? '';
      const kind = optionalString(component.kind) ?? 'original';
      if (!isComponentKind(kind)) {
        findings.invalid(
          `Process '${process.id ?? ''}' lists the paper '${name}' of kind '${kind}': write ${COMPONENT_KINDS.join(', ')}`,
          process.id,
        );
      }
      return {
        name,
        kind: kind as ComponentKindName,
        count: typeof component.count === 'number' ? component.count : 1,
        optional: component.optional === true,
      };
    });
}

const isComponentKind = (kind: string): kind is ComponentKindName =>
  (COMPONENT_KINDS as readonly string[]).includes(kind);

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function onlineServiceOf(
  processId: string,
  text: string | undefined,
  findings: Findings,
): 'full' | 'partial' | undefined {
  if (text === undefined || text === 'full' || text === 'partial') return text;
  findings.invalid(
    `Process '${processId}' has tthc:onlineService '${text}': write 'full' or 'partial'`,
    processId,
    'engine/valid',
  );
  return undefined;
}
