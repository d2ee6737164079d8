import { ROOT_SCOPE } from './execution';
import type { InstanceState, Variables } from './types';

/** Reading a stored state from outside the engine. */

/** The process-level variables: what a dossier's data is. */
export function processVariables(state: InstanceState): Variables {
  return state.scopes.find((scope) => scope.id === ROOT_SCOPE)?.variables ?? {};
}
