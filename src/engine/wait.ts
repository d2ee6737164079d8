import type { FlowNode, FlowNodeType } from '../bpmn/model';
import type { AppError } from '../errors';
import type { Execution } from './execution';
import { inputsOf } from './variable-mapping';
import { unsubscribeToken } from './subscriptions';
import type { Token } from './types';

/**
 * Activities whose token waits for the world (a task, a job, a called instance, a message) begin
 * and end the same way; only what they ask of the world between differs.
 */

/** The token starts to wait at the activity, with its input mappings as its own variables. */
export function beginWait(execution: Execution, node: FlowNode, scopeId: number): Token {
  const token = execution.addToken(node.id, scopeId);
  const locals = inputsOf(execution, node, scopeId);
  if (locals) token.locals = locals;
  execution.history('ELEMENT_ACTIVATED', node.id, node.type, { waitId: token.id });
  return token;
}

/**
 * Takes the token waiting as `waitId` at one of `types`, closing its waits; refuses with
 * `notWaiting` when nothing of that kind waits there.
 */
export function takeWait(
  execution: Execution,
  waitId: number,
  types: FlowNodeType[],
  notWaiting: () => AppError,
): { token: Token; node: FlowNode } {
  const token = execution.token(waitId);
  const node = token && execution.model.nodes[token.elementId];
  if (!token || !node || !types.includes(node.type)) throw notWaiting();
  unsubscribeToken(execution, token);
  execution.removeToken(token);
  return { token, node };
}

/** The activity is done: recorded, and its token moves on. */
export function finishWait(
  execution: Execution,
  node: FlowNode,
  token: Token,
  actor?: string,
): void {
  execution.completed(node, { waitId: token.id, ...(actor !== undefined && { actor }) });
  execution.leave(node, token.scopeId);
}
