import type { ModdleElement } from 'bpmn-moddle';
import { feelOf } from './expression';
import type { Findings } from './findings';
import type { FlowNode } from './model';
import { extensionsOf } from './roles';

/**
 * A script task runs FEEL only: Camunda 8's `zeebe:script expression resultVariable`, or a
 * `<script>` whose `scriptFormat` is FEEL (with `camunda:resultVariable`). JavaScript, Groovy and
 * any other language are never run in the engine's process, so they are refused.
 */
export function scriptOf(element: ModdleElement, findings: Findings): Pick<FlowNode, 'script'> {
  const id = element.id ?? '';
  const zeebe = extensionsOf(element).find((value) => value.$type === 'zeebe:script');
  const format = typeof element.scriptFormat === 'string' ? element.scriptFormat.trim() : '';
  const source = zeebe
    ? String(zeebe.expression ?? '')
    : /^feel$/i.test(format)
      ? String(element.script ?? '')
      : undefined;
  if (source === undefined) {
    findings.unsupported(
      `Script task '${id}' is written in '${format || 'no language'}'; the engine runs FEEL scripts only (zeebe:script, or scriptFormat="feel")`,
      id,
    );
    return {};
  }
  const expression = feelOf(source, { elementId: id, what: 'the script' }, findings);
  if (expression === undefined) return {};
  if (expression === '') {
    findings.invalid(`Script task '${id}' has an empty script`, id);
    return {};
  }
  const resultVariable = zeebe?.resultVariable ?? element.get('camunda:resultVariable');
  return {
    script: {
      expression,
      ...(typeof resultVariable === 'string' &&
        resultVariable.trim() !== '' && { resultVariable: resultVariable.trim() }),
    },
  };
}

/**
 * A business rule task evaluates a DMN decision deployed beside the processes: Camunda 8's
 * `zeebe:calledDecision decisionId resultVariable`, or Camunda 7's `camunda:decisionRef` with
 * `camunda:resultVariable` (default `decisionResult`). Java implementations are refused.
 */
export function decisionOf(element: ModdleElement, findings: Findings): Pick<FlowNode, 'decision'> {
  const id = element.id ?? '';
  const zeebe = extensionsOf(element).find((value) => value.$type === 'zeebe:calledDecision');
  const decisionId = String(zeebe?.decisionId ?? element.get('camunda:decisionRef') ?? '').trim();
  if (decisionId === '') {
    findings.unsupported(
      `Business rule task '${id}' names no DMN decision (zeebe:calledDecision or camunda:decisionRef)`,
      id,
    );
    return {};
  }
  if (/^[$#]\{|^=/.test(decisionId)) {
    findings.unsupported(
      `Business rule task '${id}' names its decision by an expression ('${decisionId}'); name it plainly`,
      id,
    );
    return {};
  }
  const result = String(zeebe?.resultVariable ?? element.get('camunda:resultVariable') ?? '');
  const version = Number(element.get('camunda:decisionRefVersion'));
  return {
    decision: {
      decisionId,
      resultVariable: result.trim() || 'decisionResult',
      ...(Number.isInteger(version) && version > 0 && { version }),
    },
  };
}
