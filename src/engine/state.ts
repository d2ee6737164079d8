import { ROOT_SCOPE } from './execution';
import type { InstanceState, Variables } from './types';

/** Reading a stored state from outside the engine. */

/** The process-level variables: what a dossier's data is. */
export function processVariables(state: InstanceState): Variables {
  return state.scopes.find((scope) => scope.id === ROOT_SCOPE)?.variables ?? {};
}

/** The variables a waiting token sees: its scope's own over those around it. */
export function variablesAt(state: InstanceState, tokenId: number): Variables {
  const token = state.tokens.find((t) => t.id === tokenId);
  const chain = [];
  for (let scope = state.scopes.find((s) => s.id === token?.scopeId); scope;) {
    chain.unshift(scope.variables);
    scope =
      scope.parentId === undefined ? undefined : state.scopes.find((s) => s.id === scope?.parentId);
  }
  return Object.assign(
    {},
    ...(chain.length > 0 ? chain : [processVariables(state)]),
    token?.locals,
  );
}
