import type { EffectHandler } from './write-plan';

/** A call activity starts an instance of another process, after this step, in its transaction. */
export const startChild: EffectHandler<'START_CHILD'> = (effect, { plan }) => {
  plan.followUps.push(effect);
};

/**
 * A call activity was interrupted: the instance it started is canceled after this step, and a
 * call held for a missing process (with its incident) goes.
 */
export const cancelChild: EffectHandler<'CANCEL_CHILD'> = (effect, { plan }) => {
  plan.followUps.push({ type: 'CANCEL_CHILD', waitId: effect.waitId });
  plan.writes.push({ row: `job:${effect.waitId}`, kind: 'deleteJobs', waitId: effect.waitId });
};

/** An error or escalation nothing here caught goes to the call activity that called this one. */
export const throwToParent: EffectHandler<'THROW_TO_PARENT'> = (effect, { plan }) => {
  plan.followUps.push(effect);
};
