import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { runHandlerJobs, type JobHandlers } from './handlers';
import { fireDueTimers } from './timers';

export interface Scheduler {
  /** One round now: fire due timers, run due handler jobs. Rounds never overlap. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The in-process scheduler: every `intervalMs` it fires due timers and runs the jobs of the
 * registered handlers. Any number of server processes may run one against the same database;
 * the job rows keep each effect to one.
 */
export function startScheduler(options: {
  dataSource: DataSource;
  handlers: JobHandlers;
  now: () => Date;
  intervalMs: number;
  logger: Logger;
}): Scheduler {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= (async () => {
      try {
        await fireDueTimers(options.dataSource, options.now());
        await runHandlerJobs(options.dataSource, options.handlers, options.now, options.logger);
      } catch (error) {
        options.logger.error({ err: error }, 'scheduler round failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
