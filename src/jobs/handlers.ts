import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Variables } from '../engine/types';
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
const LOCK_SECONDS = 300;

/**
 * Runs the due jobs of every registered type, as an external worker would: lock, work outside
 * any transaction, then complete (one transaction with the step) or fail with a backoff that
 * doubles each time. Returns how many jobs were completed.
 */
export async function runHandlerJobs(
  dataSource: DataSource,
  handlers: JobHandlers,
  now: () => Date,
  logger?: Logger,
  holder = WORKER_ID,
): Promise<number> {
  let completed = 0;
  for (const type of handlers.types()) {
    const handler = handlers.get(type);
    if (!handler) continue;
    const jobs = await fetchAndLockJobs(dataSource, {
      type,
      workerId: holder,
      maxJobs: 20,
      lockSeconds: LOCK_SECONDS,
      now: now(),
    });
    for (const { job, variables } of jobs) {
      try {
        const result = await handler({
          jobId: job.id,
          type,
          elementId: job.elementId,
          instanceId: job.instanceId,
          retries: job.retries,
          variables,
        });
        await completeJob(dataSource, {
          jobId: job.id,
          workerId: holder,
          variables: result ?? {},
          now: now(),
        });
        completed += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger?.warn({ jobId: job.id, type, err: error }, 'job handler failed');
        await failJob(dataSource, {
          jobId: job.id,
          workerId: holder,
          retries: job.retries - 1,
          message,
          retryInSeconds: backoffSeconds(job.retries - 1),
          now: now(),
        });
      }
    }
  }
  return completed;
}
