import type { Variables } from '../engine/types';
import { broadcastWithin, type Broadcast } from '../store/pipeline/broadcast';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';

/**
 * Broadcasts a signal a client sends (see broadcastWithin): every instance waiting for it
 * catches it and every process that starts with it starts, in one transaction. Signals and
 * messages the steps send in turn go out after the commit.
 */
export function broadcastSignal(
  store: Store,
  input: { signalName: string; variables: Variables; now: Date },
): Promise<Broadcast> {
  return withUnitOfWork(store, input.now, (unit) => broadcastWithin(unit, input), 1);
}
