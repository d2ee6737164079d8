import type { EffectHandler } from './write-plan';

const subscriptionRow = (id: number) => `subscription:${id}`;

/** A message or signal catch event waits: correlation finds it by name (and key). */
export const openSubscription: EffectHandler<'OPEN_SUBSCRIPTION'> = (
  { subscription },
  { plan, context },
) => {
  plan.writes.push({
    row: subscriptionRow(subscription.id),
    kind: 'insert',
    insert: {
      table: 'message_subscription',
      values: {
        instanceId: context.instanceId,
        subscriptionId: subscription.id,
        kind: subscription.kind,
        messageName:
          subscription.kind === 'message' ? subscription.messageName : subscription.signalName,
        correlationKey: subscription.kind === 'message' ? subscription.correlationKey : null,
        elementId: subscription.elementId,
        createdAt: context.now,
      },
    },
  });
};

export const closeSubscription: EffectHandler<'CLOSE_SUBSCRIPTION'> = (effect, { plan }) => {
  plan.writes.push({
    row: subscriptionRow(effect.subscriptionId),
    kind: 'deleteSubscription',
    subscriptionId: effect.subscriptionId,
  });
};
