import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { FlowNode } from './model';

/**
 * Camunda 7's async continuations: `asyncBefore` (or the older `async`) is run, on any element;
 * `asyncAfter` is not (a warning says so: the element runs, without the extra boundary).
 */
export function asyncOf(element: ModdleElement, findings: Findings): Pick<FlowNode, 'asyncBefore'> {
  const id = element.id ?? '';
  if (element.get('camunda:asyncAfter') === true) {
    findings.warn(`'${id}' is asyncAfter, which the engine does not apply`, id, 'engine/async');
  }
  const before =
    element.get('camunda:asyncBefore') === true || element.get('camunda:async') === true;
  return before ? { asyncBefore: true } : {};
}
