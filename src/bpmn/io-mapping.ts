import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import { feelOf } from './expression';
import { isJuel } from './juel';
import type { FlowNode } from './model';
import { asList } from './roles';

type Mapping = { source: string; target: string };

/**
 * Input and output mappings, from Camunda 8's `zeebe:ioMapping` (`zeebe:input source target`)
 * or Camunda 7's `camunda:inputOutput` (`camunda:inputParameter name`, its text a FEEL expression
 * after `=`, JUEL translated to FEEL, or else a plain text value).
 */
export function ioMappingsOf(
  element: ModdleElement,
  findings: Findings,
): Pick<FlowNode, 'inputs' | 'outputs'> {
  const id = element.id ?? '';
  const extensions = asList((element.extensionElements as ModdleElement | undefined)?.values);
  const inputs: Mapping[] = [];
  const outputs: Mapping[] = [];
  const add = (list: Mapping[], source: unknown, target: unknown) => {
    if (typeof target !== 'string' || target.trim() === '') return;
    const text = typeof source === 'string' ? source.trim() : '';
    // A plain value becomes a FEEL string literal; `=expr`, zeebe sources and JUEL are expressions.
    const expression = text.startsWith('=') || isJuel(text);
    const site = { elementId: id, what: `the mapping of '${target.trim()}'` };
    const feel = expression ? feelOf(text, site, findings) : JSON.stringify(text);
    if (feel !== undefined) list.push({ source: feel, target: target.trim() });
  };
  for (const extension of extensions) {
    if (extension.$type === 'zeebe:ioMapping') {
      for (const value of asList(extension.$children)) {
        if (value.$type === 'zeebe:input') add(inputs, value.source, value.target);
        if (value.$type === 'zeebe:output') add(outputs, value.source, value.target);
      }
    }
    if (extension.$type === 'camunda:InputOutput') {
      for (const parameter of asList(extension.inputParameters))
        add(inputs, parameter.value ?? parameter.body ?? '', parameter.name);
      for (const parameter of asList(extension.outputParameters))
        add(outputs, parameter.value ?? parameter.body ?? '', parameter.name);
    }
  }
  return { ...(inputs.length > 0 && { inputs }), ...(outputs.length > 0 && { outputs }) };
}
