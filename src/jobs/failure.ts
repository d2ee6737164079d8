import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../errors';
import { JobEntity } from '../store/entities';
import { openIncident } from '../store/incidents';
import { lockInstance } from '../store/instances';
import { inTransaction } from '../store/transaction';

/** Tries a job has when it is created, unless its element says otherwise. */
export const DEFAULT_RETRIES = 3;

/** Waits between tries double: 10 s, 20 s, 40 s… up to an hour. */
export function backoffSeconds(retriesLeft: number, retriesAtStart = DEFAULT_RETRIES): number {
  const attempt = Math.max(1, retriesAtStart - retriesLeft);
  return Math.min(3600, 10 * 2 ** (attempt - 1));
}

/**
 * A try failed: the job keeps `retries` tries and is offered again after the wait. The last
 * failure opens an incident, and the job waits for someone to look.
 */
export async function recordJobFailure<J extends JobEntity>(
  manager: EntityManager,
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
  await manager.update(JobEntity, { id: job.id }, changes);
  // The try that used up the last one opens the incident; failures after it add none.
  if (changes.retries === 0 && job.retries > 0)
    await openIncident(manager, job, input.message, input.now);
  return { ...job, ...changes };
}

/**
 * A job this runner took failed, whatever the reason (a step the engine refused, a bug, a
 * constraint): it uses up a try, so that one bad job never stops the others nor repeats for ever.
 * Does nothing if the job is gone or another runner has taken it over.
 */
export async function failTakenJob(
  dataSource: DataSource,
  job: JobEntity,
  holder: string,
  error: unknown,
  now: Date,
): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    if (job.instanceId) await lockInstance(manager, job.instanceId);
    const current = await manager.findOneBy(JobEntity, { id: job.id });
    if (!current || current.lockedBy !== holder) return;
    const retries = current.retries - 1;
    await recordJobFailure(manager, current, {
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
