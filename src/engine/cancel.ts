import type { Execution } from './execution';
import { unsubscribeScope, unsubscribeToken } from './subscriptions';
import type { Token } from './types';

/**
 * Withdraws a waiting token: its task is canceled, its waits closed, and a sub-process it waits
 * for is canceled with everything inside it.
 */
export function cancelToken(execution: Execution, token: Token): void {
  const node = execution.model.nodes[token.elementId];
  unsubscribeToken(execution, token);
  execution.removeToken(token);
  // In front of its element: the element never began; only the continuation goes.
  if (token.continuation) {
    execution.effects.push({ type: 'CANCEL_JOB', waitId: token.id });
    return;
  }
  // A token that waits for a scope (a sub-process, a multi-instance body) takes the scope with it.
  const inner = execution.state.scopes.find((scope) => scope.tokenId === token.id);
  if (inner) cancelScope(execution, inner.id, { removeScope: true });
  const waitsForBody = inner?.multiInstance === 'body';
  if (node?.type === 'userTask' && !waitsForBody)
    execution.effects.push({ type: 'CANCEL_TASK', waitId: token.id });
  if (node?.type === 'callActivity' && !waitsForBody)
    execution.effects.push({ type: 'CANCEL_CHILD', waitId: token.id });
  if ((node?.type === 'serviceTask' || node?.type === 'sendTask') && !waitsForBody) {
    execution.effects.push({ type: 'CANCEL_JOB', waitId: token.id });
  }
  if (node && !node.type.endsWith('Gateway'))
    execution.history('ELEMENT_TERMINATED', node.id, node.type);
}

/**
 * Cancels every token in a scope, the event sub-processes running in it and its listeners; the
 * scope itself may stay (a terminate end event, an interrupting event sub-process).
 */
export function cancelScope(
  execution: Execution,
  scopeId: number,
  options: { removeScope: boolean },
): void {
  for (const token of execution.state.tokens.filter((t) => t.scopeId === scopeId)) {
    if (execution.token(token.id)) cancelToken(execution, token);
  }
  for (const inner of execution.state.scopes.filter(
    (s) => s.parentId === scopeId && s.tokenId === undefined,
  )) {
    cancelScope(execution, inner.id, { removeScope: true });
    execution.history('ELEMENT_TERMINATED', inner.elementId, 'subProcess');
  }
  unsubscribeScope(execution, scopeId);
  if (options.removeScope)
    execution.state.scopes = execution.state.scopes.filter((s) => s.id !== scopeId);
}
