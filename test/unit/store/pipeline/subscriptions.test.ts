import { NOW, plan } from './planning';

describe('planning the effects on message waits', () => {
  it('opens a wait that correlation finds by name and key, and closes it', () => {
    const subscription = {
      id: 2,
      messageName: 'paid',
      correlationKey: 'HS-1',
      elementId: 'wait-payment',
    };
    const { writes } = plan([
      { type: 'OPEN_SUBSCRIPTION', subscription } as never,
      { type: 'CLOSE_SUBSCRIPTION', subscriptionId: 7 },
    ]);
    expect(writes).toEqual([
      {
        row: 'subscription:2',
        kind: 'insert',
        insert: {
          table: 'message_subscription',
          values: {
            instanceId: 'i-1',
            subscriptionId: 2,
            messageName: 'paid',
            correlationKey: 'HS-1',
            elementId: 'wait-payment',
            createdAt: NOW,
          },
        },
      },
      { row: 'subscription:7', kind: 'deleteSubscription', subscriptionId: 7 },
    ]);
  });
});
