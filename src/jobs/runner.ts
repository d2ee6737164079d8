import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Store } from '../store/store';
import { nextDueAt } from '../store/jobs';
import { runHandlerJobs, type JobHandlers } from './handlers';
import { deliverDueMessages } from './outbox';
import { fireDueTimers } from './timers';
import { PgListener } from '../store/pg-listener';
import { ensureMonthPartitions } from '../store/partitions';
import type { PortalSettings } from '../config';
import { nextDispatchDue } from '../store/dispatch';
import type { DispatchTopic } from '../store/entities';
import type { DispatchRound } from './dispatch-round';
import { sendDueNotifications } from './notify/send-notifications';
import type { Transports } from './notify/transport';
import { pushDueStatuses } from './portal/push-statuses';

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
  /** Where the outbox's rows go: the citizens' providers, and the portal if there is one. */
  outbox?: { transports: Transports; portal?: PortalSettings };
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
  const outbox = options.outbox ?? { transports: {} };
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
    const sent = await sendOutbox(options.store, outbox, { ...batch, logger });
    if (fired + delivered + done + sent > 0)
      logger.debug({ runner: id, fired, delivered, done, sent }, 'job round');
  };
  const sleep = async () => {
    if (stopped) return;
    await listener.ensure();
    const next = await nextRoundAt(options.store, options.handlers.types(), outbox);
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
      for (const transport of Object.values(outbox.transports)) transport.close?.();
    },
  };
}

/** Sends the citizens' notifications, then pushes the statuses to the portal if there is one. */
async function sendOutbox(
  store: Store,
  outbox: NonNullable<JobRunnerOptions['outbox']>,
  round: DispatchRound,
): Promise<number> {
  const notified = await sendDueNotifications(store, outbox.transports, round);
  const pushed = outbox.portal ? await pushDueStatuses(store, outbox.portal, round) : 0;
  return notified + pushed;
}

/** The earliest of the next job and the next outbox row this runner sends. */
async function nextRoundAt(
  store: Store,
  types: string[],
  outbox: NonNullable<JobRunnerOptions['outbox']>,
): Promise<Date | null> {
  const topics: DispatchTopic[] = outbox.portal ? ['NOTIFY', 'PORTAL'] : ['NOTIFY'];
  const [job, row] = await Promise.all([
    nextDueAt(store, types).catch(() => null),
    nextDispatchDue(store, topics).catch(() => null),
  ]);
  if (!job || !row) return job ?? row;
  return job < row ? job : row;
}
