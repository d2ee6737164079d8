import type { EffectHandler } from './write-plan';

const subscriptionRow = (id: number) => `subscription:${id}`;

/** A message catch event waits: correlation finds it by name and key. */
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
        messageName: subscription.messageName,
        correlationKey: subscription.correlationKey,
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
