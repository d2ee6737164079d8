import type { FlowNode } from '../bpmn/model';
import type { Execution } from './execution';
import { evaluateFeel } from './feel';
import type { JsonValue, Token, Variables } from './types';

/** An activity starts: its input mappings, evaluated now, become its local variables. */
export function inputsOf(
  execution: Execution,
  node: FlowNode,
  scopeId: number,
): Variables | undefined {
  if (!node.inputs) return undefined;
  const context = execution.visibleVariables(scopeId);
  const locals: Variables = {};
  for (const { source, target } of node.inputs) {
    locals[target] = structuredClone(
      evaluateFeel(source, { ...context, ...locals }, node.id),
    ) as JsonValue;
  }
  return locals;
}

/**
 * An activity ends with `variables` (an officer's form, a worker's result, a message, a child's
 * variables). Without output mappings they all go to the scope around it; with them, only what
 * the mappings give, evaluated over everything the activity saw.
 */
export function handBack(
  execution: Execution,
  node: FlowNode,
  token: Token,
  variables: Variables,
): void {
  if (!node.outputs) {
    execution.setVariables(token.scopeId, variables);
    return;
  }
  const context = { ...execution.visibleVariables(token.scopeId), ...token.locals, ...variables };
  const results: Variables = {};
  for (const { source, target } of node.outputs) {
    results[target] = evaluateFeel(source, context, node.id) as JsonValue;
  }
  execution.setVariables(token.scopeId, results);
}
