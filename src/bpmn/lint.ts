import type { ModdleElement } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import type { Findings } from './findings';
import { asList } from './roles';

/**
 * bpmnlint's recommended rules, with our severities. Rules about how a process runs stay errors.
 * Rules about drawing style (labels, diagram shapes, explicit ends) and about constructs the
 * engine runs correctly (implicit starts and ends, inclusive gateways, gateways that both join
 * and fork) become warnings: a designer sees them, a deployment is not refused for them.
 */
export const LINT_CONFIG = {
  extends: 'bpmnlint:recommended',
  rules: {
    'label-required': 'warn',
    'no-bpmndi': 'warn',
    'end-event-required': 'warn',
    'start-event-required': 'warn',
    'no-implicit-start': 'warn',
    'no-implicit-end': 'warn',
    'no-implicit-split': 'warn',
    'no-inclusive-gateway': 'off',
    'no-gateway-join-fork': 'warn',
    'single-blank-start-event': 'warn',
    'sub-process-blank-start-event': 'warn',
    'no-disconnected': 'warn',
    'conditional-flows': 'warn',
  },
};

/** Runs bpmnlint over the parsed file and adds its reports to the findings, by rule. */
export async function lintWithBpmnlint(
  definitions: ModdleElement,
  findings: Findings,
): Promise<void> {
  wireFlowNodes(definitions);
  const linter = new Linter({ config: LINT_CONFIG, resolver: new NodeResolver() });
  const results = await linter.lint(definitions);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const problem = { rule: `bpmnlint/${rule}`, message: report.message, elementId: report.id };
      if (report.category === 'error') findings.add('BPMN_INVALID', problem);
      else findings.warnings.push(problem);
    }
  }
}

/**
 * bpmnlint reads a node's flows from its <incoming>/<outgoing> children, which BPMN leaves
 * optional; modelers write them, hand-written files often do not. Fill them in from each flow's
 * sourceRef and targetRef, as a modeler would on import.
 */
function wireFlowNodes(definitions: ModdleElement): void {
  const visit = (container: ModdleElement) => {
    for (const element of asList(container.flowElements)) {
      if (element.$type === 'bpmn:SequenceFlow') {
        link(element.sourceRef as ModdleElement | undefined, 'outgoing', element);
        link(element.targetRef as ModdleElement | undefined, 'incoming', element);
      }
      if (element.flowElements) visit(element);
    }
  };
  for (const root of asList(definitions.rootElements))
    if (root.$type === 'bpmn:Process') visit(root);
}

function link(
  node: ModdleElement | undefined,
  side: 'incoming' | 'outgoing',
  flow: ModdleElement,
): void {
  if (!node) return;
  const list = Array.isArray(node[side]) ? (node[side] as ModdleElement[]) : [];
  if (!list.includes(flow)) node[side] = [...list, flow];
}
