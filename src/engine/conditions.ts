import { evaluate } from 'feelin';
import type { SettleRule } from './execution';
import { triggerWait } from './trigger';
import type { ConditionalSubscription } from './types';

/**
 * Conditional events wait for a FEEL condition over the variables of their scope. Conditions are
 * evaluated again whenever a step has moved every token, that is, after any change of variables;
 * an event fires when its condition becomes true (a missing variable counts as not yet).
 */
export const fireMetConditions: SettleRule = (execution) => {
  const { state } = execution;
  const waiting = state.subscriptions.filter(
    (s): s is ConditionalSubscription => s.kind === 'conditional',
  );
  let fired = false;
  for (const subscription of waiting) {
    // An earlier one firing may have interrupted the scope this one waits in.
    if (!state.subscriptions.includes(subscription)) continue;
    const scopeId =
      subscription.scopeId ?? execution.token(subscription.tokenId ?? -1)?.scopeId ?? 0;
    const { value } = evaluate(subscription.condition, execution.visibleVariables(scopeId));
    const holds = value === true;
    const becameTrue = holds && !subscription.holds;
    subscription.holds = holds;
    if (!becameTrue) continue;
    triggerWait(execution, subscription.id, {});
    fired = true;
  }
  return fired;
};
