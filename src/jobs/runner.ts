import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Store } from '../store/store';
import { nextDueAt } from '../store/jobs';
import { runHandlerJobs, type JobHandlers } from './handlers';
import { deliverDueMessages } from './outbox';
import { fireDueTimers } from './timers';
import { PgListener } from '../store/pg-listener';
import { ensureMonthPartitions } from '../store/partitions';

export interface JobRunner {
  /** This runner's name in the job table's `locked_by`. */
  id: string;
  /**
   * One round now: the month partitions once a day, then fire due timers, deliver messages left
   * over, run due handler jobs. Rounds never overlap.
   */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  store: Store;
  handlers: JobHandlers;
  now: () => Date;
  /** The longest a runner sleeps between rounds (the fallback when no notification comes). */
  pollMs: number;
  /** How long a job taken by this runner stays reserved if the runner dies before it is done. */
  lockSeconds: number;
  logger: Logger;
  id?: string;
}

/**
 * Runs due jobs for this server process. Any number of runners may share one database: jobs are
 * taken with SKIP LOCKED and consumed with the step they cause. A runner wakes when a job is
 * added (LISTEN on `job_due`, notified by a trigger at commit), when the next timer falls due,
 * and at least every `pollMs`, in case a notification was missed.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const id = options.id ?? `${hostname()}-${process.pid}`;
  const { logger } = options;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let sleeper: NodeJS.Timeout | undefined;

  let partitionsDay: string | undefined;
  const round = async () => {
    const now = options.now();
    // The coming months' partitions, once a day: a row never waits in the default partition.
    const day = now.toISOString().slice(0, 10);
    if (partitionsDay !== day) {
      const made = await ensureMonthPartitions(options.store);
      if (made > 0) logger.info({ runner: id, made }, 'month partitions made');
      partitionsDay = day;
    }
    const batch = { holder: id, lockSeconds: options.lockSeconds, clock: options.now };
    const fired = await fireDueTimers(options.store, now, batch);
    const delivered = await deliverDueMessages(options.store, now, batch);
    const done = await runHandlerJobs(options.store, options.handlers, options.now, {
      logger,
      holder: id,
    });
    if (fired + delivered + done > 0)
      logger.debug({ runner: id, fired, delivered, done }, 'job round');
  };
  const sleep = async () => {
    if (stopped) return;
    await listener.ensure();
    const next = await nextDueAt(options.store, options.handlers.types()).catch(() => null);
    const untilDue = next ? next.getTime() - options.now().getTime() : options.pollMs;
    clearTimeout(sleeper);
    sleeper = setTimeout(() => void tick(), Math.max(10, Math.min(options.pollMs, untilDue)));
    sleeper.unref();
  };
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await round();
        } catch (error) {
          logger.error({ err: error, runner: id }, 'job round failed');
        }
      } while (again && !stopped);
      await sleep();
    })().finally(() => {
      running = undefined;
      // Woken while it was choosing how long to sleep: go again now.
      if (again && !stopped) void tick();
    });
    return running;
  };

  // Runners hear of new or newly due jobs at once (the job_due trigger); polling covers the rest.
  const listener = new PgListener(options.store, ['job_due'], () => void tick(), logger);
  await listener.ensure();
  void tick();
  return {
    id,
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(sleeper);
      await running;
      await listener.close();
    },
  };
}
