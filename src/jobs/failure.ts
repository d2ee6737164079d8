import { AppError } from '../errors';
import type { JobEntity } from '../store/entities';
import { openIncident } from '../store/incidents';
import { findJob, updateJob } from '../store/jobs';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';

/** Tries a job has when it is created, unless its element says otherwise. */
export const DEFAULT_RETRIES = 3;

/** Waits between tries double: 10 s, 20 s, 40 s… up to an hour. */
export function backoffSeconds(retriesLeft: number, retriesAtStart = DEFAULT_RETRIES): number {
  return backoffAfter(retriesAtStart - retriesLeft);
}

/** The wait after the `attempt`th failed try (from 1). */
export function backoffAfter(attempt: number): number {
  return Math.min(3600, 10 * 2 ** (Math.max(1, attempt) - 1));
}

/**
 * A try failed: the job keeps `retries` tries and is offered again after the wait. The last
 * failure opens an incident, and the job waits for someone to look.
 */
export async function recordJobFailure<J extends JobEntity>(
  tx: Store,
  job: J,
  input: { retries: number; message: string; retryInSeconds: number; now: Date },
): Promise<J> {
  const changes = {
    retries: Math.max(0, input.retries),
    errorMessage: input.message,
    lockedBy: null,
    lockedUntil: null,
    dueAt: new Date(input.now.getTime() + input.retryInSeconds * 1000),
  };
  await updateJob(tx, job.id, changes);
  if (changes.retries === 0 && job.retries > 0)
    await openIncident(tx, job, input.message, input.now);
  return { ...job, ...changes };
}

/**
 * A job this runner took failed, whatever the reason (a step the engine refused, a bug, a
 * constraint): it uses up a try, so that one bad job never stops the others nor repeats for ever.
 * Does nothing if the job is gone or another runner has taken it over.
 */
export async function failTakenJob(
  store: Store,
  job: JobEntity,
  holder: string,
  error: unknown,
  now: Date,
): Promise<void> {
  await withUnitOfWork(store, now, async (unit) => {
    // The instance first, as every step does: the job's row follows in that order.
    if (job.instanceId) await unit.lock(job.instanceId);
    const current = await findJob(unit.tx, job.id);
    if (!current || current.lockedBy !== holder) return;
    const retries = current.retries - 1;
    await recordJobFailure(unit.tx, current, {
      retries,
      message: describeFailure(error),
      retryInSeconds: backoffSeconds(retries),
      now,
    });
  });
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
