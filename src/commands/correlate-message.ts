import type { Variables } from '../engine/types';
import { correlateWithin, type Correlation } from '../store/pipeline/correlate';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';

/**
 * Delivers a message a client sends (see correlateWithin). Nothing matching:
 * MESSAGE_NOT_CORRELATED, and nothing changes. Messages the steps send in turn are delivered
 * after the commit, one hop further along the chain.
 */
export function correlateMessage(
  store: Store,
  input: { messageName: string; correlationKey: string | null; variables: Variables; now: Date },
): Promise<Correlation> {
  return withUnitOfWork(store, input.now, (unit) => correlateWithin(unit, input), 1);
}
