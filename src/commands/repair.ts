import type { Command } from '../engine/types';
import { AppError, notFound } from '../errors';
import type { ProcessInstanceEntity } from '../store/entities';
import { isUuid } from '../store/instances';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';

/** The longest reason an administrator may give (the history keeps it whole). */
export const MAX_REASON_LENGTH = 500;

interface Repair {
  instanceId: string;
  reason: string;
  by: string;
  now: Date;
}

/**
 * Putting a dossier back on track: an administrator moves the tokens waiting at one step to
 * another step of the same scope (the old task withdrawn, the new one opened), with a reason.
 * One transaction under the instance's lock; the history records who and why, and the dossier
 * follows its process as after any step (its appointment is not touched).
 */
export function moveToken(
  store: Store,
  input: Repair & { fromElementId: string; toElementId: string },
): Promise<ProcessInstanceEntity> {
  const { fromElementId, toElementId } = input;
  return repair(store, input, { type: 'MOVE_TOKEN', fromElementId, toElementId });
}

/**
 * Cancels a step, with a reason: the tokens waiting there are withdrawn. Refused when nothing
 * would be left running in their scope (the process would end unasked): move the token instead.
 */
export function cancelStep(
  store: Store,
  input: Repair & { elementId: string },
): Promise<ProcessInstanceEntity> {
  return repair(store, input, { type: 'CANCEL_ACTIVITY', elementId: input.elementId });
}

async function repair(
  store: Store,
  input: Repair,
  command:
    | { type: 'MOVE_TOKEN'; fromElementId: string; toElementId: string }
    | { type: 'CANCEL_ACTIVITY'; elementId: string },
): Promise<ProcessInstanceEntity> {
  const reason = reasonOf(input.reason);
  if (!isUuid(input.instanceId)) {
    throw notFound('Process instance', input.instanceId, { instanceId: input.instanceId });
  }
  return withUnitOfWork(store, input.now, async (unit) => {
    const locked = await unit.lock(input.instanceId);
    const full: Command = { ...command, actor: input.by, reason };
    return (await unit.step(locked, full)).instance;
  });
}

/** A reason is required: 1 to 500 characters of text, with no NUL. */
export function reasonOf(text: string): string {
  const reason = text.trim();
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH || reason.includes('\0')) {
    throw new AppError(
      'BAD_USER_INPUT',
      `'reason' must be 1 to ${MAX_REASON_LENGTH} characters of text, without NUL`,
      { field: 'reason' },
    );
  }
  return reason;
}
