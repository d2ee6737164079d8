import type { Logger } from 'pino';
import type { Store } from '../store/store';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import type { InstanceJob } from '../store/entities';
import { backoffSeconds, failTakenJob } from './failure';
import { completeJob, failJob, fetchAndLockJobs } from './worker-jobs';

/** What a handler is told about the job it does. */
export interface JobContext {
  jobId: string;
  type: string;
  elementId: string;
  instanceId: string;
  retries: number;
  variables: Variables;
}

/** Does a service task's work; the variables it returns are set on the instance. */
export type JobHandler = (job: JobContext) => Promise<Variables | void>;

/** The handlers of this server process, by job type. */
export class JobHandlers {
  private readonly handlers = new Map<string, { handler: JobHandler; lockSeconds: number }>();

  /**
   * `lockSeconds`: how long a job stays reserved while its handler runs, longer than the
   * handler ever takes (another runner would take the job again after it).
   */
  register(type: string, handler: JobHandler, options: { lockSeconds?: number } = {}): this {
    this.handlers.set(type, { handler, lockSeconds: options.lockSeconds ?? 300 });
    return this;
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }

  get(type: string): { handler: JobHandler; lockSeconds: number } | undefined {
    return this.handlers.get(type);
  }
}

const WORKER_ID = `in-process-${process.pid}`;
/** Taken one at a time: a job is reserved while its handler runs, not while others queue. */
const BATCH = 1;

/**
 * Runs the due jobs of every registered type, as an external worker would: take a few, work
 * outside any transaction, then complete each (one transaction with the step) or fail it with a
 * backoff that doubles each time. A job that cannot be finished (its dossier was canceled while
 * the handler ran) is logged and skipped; the others go on. Returns how many were completed.
 */
export async function runHandlerJobs(
  store: Store,
  handlers: JobHandlers,
  now: () => Date,
  options: { logger?: Logger; holder?: string } = {},
): Promise<number> {
  const { logger, holder = WORKER_ID } = options;
  let completed = 0;
  for (const type of handlers.types()) {
    const registered = handlers.get(type);
    if (!registered) continue;
    const { handler, lockSeconds } = registered;
    for (;;) {
      const jobs = await fetchAndLockJobs(store, {
        type,
        workerId: holder,
        maxJobs: BATCH,
        lockSeconds,
        now: now(),
      });
      for (const { job, variables } of jobs) {
        let result: Variables | void;
        try {
          result = await handler({
            jobId: job.id,
            type,
            elementId: job.elementId,
            instanceId: job.instanceId,
            retries: job.retries,
            variables,
          });
        } catch (error) {
          logger?.warn({ jobId: job.id, type, err: error }, 'job handler failed');
          await settle(store, job, holder, now, logger, () =>
            failJob(store, {
              jobId: job.id,
              workerId: holder,
              retries: job.retries - 1,
              message: error instanceof Error ? error.message : String(error),
              retryInSeconds: backoffSeconds(job.retries - 1),
              now: now(),
            }),
          );
          continue;
        }
        const done = await settle(store, job, holder, now, logger, () =>
          completeJob(store, {
            jobId: job.id,
            workerId: holder,
            variables: result ?? {},
            now: now(),
          }),
        );
        if (done) completed += 1;
      }
      if (jobs.length < BATCH) break;
    }
  }
  return completed;
}

/** A job that is no longer this runner's to finish: withdrawn, taken over, or its dossier ended. */
const GONE = new Set(['JOB_NOT_ACTIVE', 'JOB_LOCKED', 'INSTANCE_NOT_ACTIVE', 'NOT_FOUND']);

/**
 * Finishes a job after its handler ran. If it is gone meanwhile, that is logged and the round
 * goes on; any other failure (the engine refused the step the result causes) uses up a try,
 * so the handler is not run again and again for nothing.
 */
async function settle(
  store: Store,
  job: InstanceJob,
  holder: string,
  now: () => Date,
  logger: Logger | undefined,
  finish: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await finish();
    return true;
  } catch (error) {
    if (error instanceof AppError && GONE.has(error.code)) {
      logger?.warn({ jobId: job.id, code: error.code }, 'job could not be finished');
      return false;
    }
    logger?.warn({ jobId: job.id, err: error }, 'job failed after its handler ran');
    await failTakenJob(store, job, holder, error, now());
    return false;
  }
}
