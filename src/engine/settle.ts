import type { Execution, SettleRule } from './execution';
import { ROOT_SCOPE } from './execution';
import { fireInclusiveJoin, inclusiveJoinsReady } from './elements/inclusive-gateway';
import { completeMultiInstanceItems } from './multi-instance';
import { evaluateFeel } from './feel';
import { fireMetConditions } from './conditions';
import { continueCompensations } from './compensation';
import type { JsonValue, Scope, Variables } from './types';
import { unsubscribeScope, unsubscribeToken } from './subscriptions';

/** An inclusive join fires once no other token of its scope can still reach it. */
export const fireReadyInclusiveJoins: SettleRule = (execution) => {
  const ready = inclusiveJoinsReady(execution);
  for (const join of ready) fireInclusiveJoin(execution, join.node, join.scopeId);
  return ready.length > 0;
};

/**
 * A sub-process whose scope has no token left completes, and its token moves on in the scope
 * around it. The process completes when no token is left at all.
 */
export const completeEmptyScopes: SettleRule = (execution) => {
  const { state } = execution;
  // A scope is done when no token runs in it and no event sub-process runs inside it; its
  // listeners for event sub-processes do not keep it open.
  const busy = (scopeId: number) =>
    state.tokens.some((token) => token.scopeId === scopeId) ||
    state.scopes.some((s) => s.parentId === scopeId);
  const empty = state.scopes.filter((scope) => scope.id !== ROOT_SCOPE && !busy(scope.id));
  for (const scope of empty) {
    // A sub-process's output mappings read its own scope, so they are taken before it goes.
    const results = outputsOfScope(execution, scope);
    state.scopes = state.scopes.filter((s) => s.id !== scope.id);
    unsubscribeScope(execution, scope.id);
    const owner = scope.tokenId === undefined ? undefined : execution.token(scope.tokenId);
    if (!owner) {
      execution.history('ELEMENT_COMPLETED', scope.elementId, 'subProcess');
      continue;
    }
    const node = execution.node(owner.elementId);
    const output = node.multiInstance?.outputCollection;
    if (scope.multiInstance === 'body' && output)
      execution.setVariables(owner.scopeId, { [output]: scope.outputs ?? [] });
    if (results) execution.setVariables(owner.scopeId, results);
    unsubscribeToken(execution, owner);
    execution.removeToken(owner);
    execution.completed(node);
    execution.leave(node, owner.scopeId);
  }
  if (empty.length === 0 && state.status === 'ACTIVE' && !busy(ROOT_SCOPE)) {
    unsubscribeScope(execution, ROOT_SCOPE);
    state.status = 'COMPLETED';
    execution.history('PROCESS_COMPLETED', execution.model.key, 'process');
  }
  return empty.length > 0;
};

/**
 * In order: finished multi-instance items first (they may start the next one), then joins (a
 * waiting join keeps its scope open), then conditions that came true, then scopes.
 */
export const SETTLE_RULES: SettleRule[] = [
  completeMultiInstanceItems,
  fireReadyInclusiveJoins,
  fireMetConditions,
  continueCompensations,
  completeEmptyScopes,
];

export type { Execution };

function outputsOfScope(execution: Execution, scope: Scope): Variables | undefined {
  const node = execution.model.nodes[scope.elementId];
  if (!node?.outputs || scope.multiInstance || scope.tokenId === undefined) return undefined;
  const context = execution.visibleVariables(scope.id);
  const results: Variables = {};
  for (const { source, target } of node.outputs)
    results[target] = evaluateFeel(source, context, node.id) as JsonValue;
  return results;
}
