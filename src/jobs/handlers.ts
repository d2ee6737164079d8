import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import { backoffSeconds } from './failure';
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
  private readonly handlers = new Map<string, JobHandler>();

  register(type: string, handler: JobHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }

  get(type: string): JobHandler | undefined {
    return this.handlers.get(type);
  }
}

const WORKER_ID = `in-process-${process.pid}`;
/** Jobs taken at a time: each is reserved until it is done, so a few at a time. */
const BATCH = 5;

/**
 * Runs the due jobs of every registered type, as an external worker would: take a few, work
 * outside any transaction, then complete each (one transaction with the step) or fail it with a
 * backoff that doubles each time. A job that cannot be finished (its dossier was canceled while
 * the handler ran) is logged and skipped; the others go on. Returns how many were completed.
 */
export async function runHandlerJobs(
  dataSource: DataSource,
  handlers: JobHandlers,
  now: () => Date,
  options: { logger?: Logger; holder?: string; lockSeconds?: number } = {},
): Promise<number> {
  const { logger, holder = WORKER_ID, lockSeconds = 300 } = options;
  let completed = 0;
  for (const type of handlers.types()) {
    const handler = handlers.get(type);
    if (!handler) continue;
    for (;;) {
      const jobs = await fetchAndLockJobs(dataSource, {
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
          await settle(logger, job.id, () =>
            failJob(dataSource, {
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
        const done = await settle(logger, job.id, () =>
          completeJob(dataSource, {
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

/** Finishing a job may be refused (it was withdrawn meanwhile): logged, and the round goes on. */
async function settle(
  logger: Logger | undefined,
  jobId: string,
  finish: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await finish();
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger?.warn({ jobId, code: error.code, err: error }, 'job could not be finished');
    return false;
  }
}
