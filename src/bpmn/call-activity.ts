import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { CallDefinition } from './model';
import { asList } from './roles';

/**
 * What a call activity calls: BPMN's `calledElement`, or Zeebe's `zeebe:calledElement processId`;
 * a pinned version from Camunda 7's `calledElementBinding="version"`. Variable mappings from
 * `camunda:in` / `camunda:out` (source → target); `variables="all"` keeps passing everything.
 */
export function callOf(element: ModdleElement, findings: Findings): CallDefinition | undefined {
  const id = element.id ?? '';
  const extensions = asList((element.extensionElements as ModdleElement | undefined)?.values);
  const zeebe = extensions.find((value) => value.$type === 'zeebe:calledElement');
  const processKey = [element.calledElement, zeebe?.processId].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
  if (!processKey || processKey.startsWith('=') || processKey.includes('${')) {
    findings.invalid(
      `Call activity '${id}' must name the process it calls`,
      id,
      'engine/called-element',
    );
    return undefined;
  }
  const call: CallDefinition = { processKey: processKey.trim() };
  if (element.get('camunda:calledElementBinding') === 'version') {
    const version = Number(element.get('camunda:calledElementVersion'));
    if (!Number.isInteger(version) || version < 1) {
      findings.invalid(
        `Call activity '${id}' pins a version that is not a number`,
        id,
        'engine/called-element',
      );
    } else {
      call.version = version;
    }
  }
  const mappings = (type: string) =>
    extensions
      .filter((value) => value.$type === type && value.variables !== 'all')
      .map((value) => ({
        source: String(value.source ?? ''),
        target: String(value.target ?? value.source ?? ''),
      }))
      .filter((mapping) => mapping.source !== '');
  const passAll = (type: string) =>
    extensions.some((value) => value.$type === type && value.variables === 'all');
  const inputs = mappings('camunda:In');
  const outputs = mappings('camunda:Out');
  if (inputs.length > 0 && !passAll('camunda:In')) call.inputs = inputs;
  if (outputs.length > 0 && !passAll('camunda:Out')) call.outputs = outputs;
  return call;
}
