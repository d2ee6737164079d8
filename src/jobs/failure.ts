import type { EntityManager } from 'typeorm';
import { JobEntity } from '../store/entities';
import { openIncident } from '../store/incidents';

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
  if (changes.retries === 0) await openIncident(manager, job, input.message, input.now);
  return { ...job, ...changes };
}
