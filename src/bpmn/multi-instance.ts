import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { MultiInstance } from './model';
import { asList } from './roles';
import { feelOf } from './expression';

/**
 * Reads `multiInstanceLoopCharacteristics` in every dialect: Camunda 8's
 * `zeebe:loopCharacteristics inputCollection inputElement outputCollection outputElement`,
 * Camunda 7's `camunda:collection` / `camunda:elementVariable`, and standard `loopCardinality`
 * and `completionCondition` (FEEL). A standard loop (`standardLoopCharacteristics`) runs as a
 * sequential body that goes round while its FEEL `loopCondition` holds, up to `loopMaximum`.
 */
export function multiInstanceOf(
  element: ModdleElement,
  findings: Findings,
): MultiInstance | undefined {
  const id = element.id ?? '';
  const loop = element.loopCharacteristics as ModdleElement | undefined;
  if (!loop) return undefined;
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') return standardLoopOf(id, loop, findings);
  const zeebe = asList((loop.extensionElements as ModdleElement | undefined)?.values).find(
    (value) => value.$type === 'zeebe:loopCharacteristics',
  );
  const feel = (value: unknown): string | undefined => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') return undefined;
    return feelOf(text, { elementId: id, what: 'the multi-instance' }, findings);
  };
  const expression = (value: unknown) => feel((value as ModdleElement | undefined)?.body);
  const multiInstance: MultiInstance = { sequential: loop.isSequential === true };
  const collection = feel(zeebe?.inputCollection) ?? feel(loop.get('camunda:collection'));
  const elementVariable = (zeebe?.inputElement ?? loop.get('camunda:elementVariable')) as
    string | undefined;
  const cardinality = expression(loop.loopCardinality);
  const completionCondition = expression(loop.completionCondition);
  if (collection) multiInstance.collection = collection;
  if (elementVariable) multiInstance.elementVariable = String(elementVariable);
  if (cardinality) multiInstance.cardinality = cardinality;
  if (completionCondition) multiInstance.completionCondition = completionCondition;
  if (typeof zeebe?.outputCollection === 'string' && typeof zeebe?.outputElement === 'string') {
    multiInstance.outputCollection = zeebe.outputCollection;
    multiInstance.outputElement = feel(zeebe.outputElement);
  }
  if (!multiInstance.collection && !multiInstance.cardinality) {
    findings.invalid(
      `The multi-instance of '${id}' needs a collection or a cardinality`,
      id,
      'engine/multi-instance',
    );
  }
  return multiInstance;
}

function standardLoopOf(id: string, loop: ModdleElement, findings: Findings): MultiInstance {
  const body = (loop.loopCondition as ModdleElement | undefined)?.body;
  const text = typeof body === 'string' ? body : '';
  const condition =
    text.trim() === ''
      ? undefined
      : feelOf(text, { elementId: id, what: 'the loop condition' }, findings);
  const maximum = typeof loop.loopMaximum === 'number' ? loop.loopMaximum : undefined;
  if (condition === undefined && maximum === undefined && text.trim() === '') {
    findings.invalid(
      `The standard loop of '${id}' has neither a loop condition nor a maximum: it would never stop`,
      id,
      'engine/multi-instance',
    );
  }
  return {
    sequential: true,
    loop: {
      testBefore: loop.testBefore === true,
      ...(condition !== undefined && { condition }),
      ...(maximum !== undefined && { maximum }),
    },
  };
}
