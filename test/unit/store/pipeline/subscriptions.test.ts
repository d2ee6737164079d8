import type { MessageSubscription, SignalSubscription } from '../../../../src/engine/types';
import { NOW, plan } from './planning';

describe('planning the effects on message and signal waits', () => {
  it('opens a wait that correlation finds by name and key, and closes it', () => {
    const subscription: MessageSubscription = {
      id: 2,
      kind: 'message',
      messageName: 'paid',
      correlationKey: 'HS-1',
      elementId: 'wait-payment',
    };
    const { writes } = plan([
      { type: 'OPEN_SUBSCRIPTION', subscription },
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
            kind: 'message',
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

  it('opens a signal wait by its name alone, for a broadcast to find', () => {
    const subscription: SignalSubscription = {
      id: 3,
      kind: 'signal',
      signalName: 'law-changed',
      elementId: 'wait-law',
    };
    const { writes } = plan([{ type: 'OPEN_SUBSCRIPTION', subscription }]);
    expect(writes[0]).toMatchObject({
      insert: { values: { kind: 'signal', messageName: 'law-changed', correlationKey: null } },
    });
  });

  it('puts a thrown signal in the outbox, to be broadcast after the commit', () => {
    const { writes, sent } = plan([
      { type: 'BROADCAST_SIGNAL', elementId: 'throw', signalName: 'law-changed', variables: {} },
    ]);
    expect(sent).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      insert: {
        table: 'job',
        values: {
          kind: 'message',
          instanceId: null,
          payload: { signal: true, messageName: 'law-changed', correlationKey: null, from: 'i-1' },
        },
      },
    });
  });
});
