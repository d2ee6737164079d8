import type { Store } from '../store';
import { deliverMessages } from './deliver';
import { UnitOfWork } from './unit-of-work';

/**
 * The one road from a command to its commit. `work` runs in one transaction with a unit of
 * work: it checks what it must under the locks, then hands the unit its command; the unit steps
 * the instance and every instance the step addresses, writing their effects, their history and
 * their outbox. After the commit, the messages the steps sent are delivered. An error anywhere
 * rolls everything back, and nothing is delivered.
 */
export async function withUnitOfWork<T>(
  store: Store,
  now: Date,
  work: (unit: UnitOfWork) => Promise<T>,
  /** How deep in a chain of messages causing messages this unit is (see deliverMessages). */
  depth = 0,
): Promise<T> {
  const { result, sent } = await store.transaction(async (tx) => {
    const unit = new UnitOfWork(tx, now);
    return { result: await work(unit), sent: unit.sent };
  });
  await deliverMessages(store, sent, now, depth);
  return result;
}
