import type { Variables } from '../engine/types';
import { broadcastWithin, type Broadcast } from '../store/pipeline/broadcast';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';
import type { ProcessInstanceEntity } from '../store/entities';
import { startByConditions } from '../store/pipeline/conditional-starts';

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

/**
 * Starts every process whose latest version has a conditional start event that holds over the
 * variables (see startByConditions), in one transaction.
 */
export function evaluateConditions(
  store: Store,
  input: { variables: Variables; businessKey: string | null; now: Date },
): Promise<ProcessInstanceEntity[]> {
  return withUnitOfWork(store, input.now, (unit) => startByConditions(unit, input), 1);
}
