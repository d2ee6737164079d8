import type { FlowNode } from '../../bpmn/model';
import type { ArriveBehaviour, Execution } from '../execution';
import { evaluateFeel } from '../feel';
import { handBack, inputsOf } from '../variable-mapping';
import type { JsonValue, Token, Variables } from '../types';

/**
 * Activities that do their work within the step and never wait: a plain task and a manual task
 * pass through (as Camunda runs them), a script task evaluates its FEEL, a business rule task its
 * decision. Their input and output mappings apply as for any activity.
 */
export const arriveAtImmediateTask: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  // A token for the length of the step, so that mappings see the activity's own variables.
  const token: Token = { id: execution.newId(), elementId: node.id, scopeId };
  const locals = inputsOf(execution, node, scopeId);
  if (locals) token.locals = locals;
  const seen = { ...execution.visibleVariables(scopeId), ...locals };
  handBack(execution, node, token, resultOf(execution, node, seen));
  execution.completed(node);
  execution.leave(node, scopeId);
};

function resultOf(execution: Execution, node: FlowNode, variables: Variables): Variables {
  if (node.script) {
    const value = evaluateFeel(node.script.expression, variables, node.id) as JsonValue;
    return node.script.resultVariable ? { [node.script.resultVariable]: value } : {};
  }
  if (node.decision) {
    const value = execution.evaluateDecision(node.decision, node.id, variables);
    return { [node.decision.resultVariable]: value };
  }
  return {};
}
