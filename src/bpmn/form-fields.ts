import type { ProcessModel } from './model';

/** A value the officer gives when completing a step, for the conditions that follow it. */
export interface FormField {
  /** The process variable. */
  name: string;
  type: 'BOOLEAN' | 'NUMBER' | 'TEXT';
}

/** `name = true`, `name >= 3`, `name = "x"`: a variable compared with a literal. */
const COMPARISON = /([A-Za-z_][\w]*)\s*(?:=|!=|<=|>=|<|>)\s*(true|false|-?\d+(?:\.\d+)?|"[^"]*")/g;

/**
 * The fields a step's completion form asks for when no form is attached: the variables that the
 * conditions right after it compare (on its own outgoing flows, or those of the gateway it
 * leads to), typed by what they are compared with. Variables the process set before are not
 * asked again only if they are not compared here.
 */
export function formFieldsOf(model: ProcessModel, elementId: string): FormField[] {
  const node = model.nodes[elementId];
  if (!node) return [];
  const conditions: string[] = [];
  for (const flowId of node.outgoing) {
    const flow = model.flows[flowId];
    if (flow?.condition) conditions.push(flow.condition);
    const next = flow ? model.nodes[flow.targetRef] : undefined;
    if (next && (next.type === 'exclusiveGateway' || next.type === 'inclusiveGateway')) {
      for (const gatewayFlow of next.outgoing) {
        const condition = model.flows[gatewayFlow]?.condition;
        if (condition) conditions.push(condition);
      }
    }
  }
  const fields = new Map<string, FormField>();
  for (const condition of conditions) {
    for (const [, name, literal] of condition.matchAll(COMPARISON)) {
      if (fields.has(name)) continue;
      const type =
        literal === 'true' || literal === 'false'
          ? 'BOOLEAN'
          : literal.startsWith('"')
            ? 'TEXT'
            : 'NUMBER';
      fields.set(name, { name, type });
    }
  }
  return [...fields.values()];
}
