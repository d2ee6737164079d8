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
import { nextDispatchDue, type DispatchScope } from '../store/dispatch';
import type { NotificationChannel } from '../store/entities';
import { serialLoop } from './serial-loop';
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
  const { logger, store } = options;
  const outbox = options.outbox ?? { transports: {} };
  const batch = { holder: id, lockSeconds: options.lockSeconds, clock: options.now };
  let partitionsDay: string | undefined;
  const jobs = serialLoop({
    ...options,
    name: 'job',
    round: async () => {
      const now = options.now();
      // The coming months' partitions, once a day: a row never waits in the default partition.
      const day = now.toISOString().slice(0, 10);
      if (partitionsDay !== day) {
        const made = await ensureMonthPartitions(store);
        if (made > 0) logger.info({ runner: id, made }, 'month partitions made');
        partitionsDay = day;
      }
      const fired = await fireDueTimers(store, now, batch);
      const delivered = await deliverDueMessages(store, now, batch);
      const done = await runHandlerJobs(store, options.handlers, options.now, {
        logger,
        holder: id,
      });
      if (fired + delivered + done > 0)
        logger.debug({ runner: id, fired, delivered, done }, 'job round');
    },
    nextAt: async () => {
      await listener.ensure();
      return nextDueAt(store, options.handlers.types());
    },
  });
  // The outbox goes on its own: a provider slow to answer holds up no timer and no job.
  const scopes = outboxScopes(outbox);
  const sending = serialLoop({
    ...options,
    name: 'outbox',
    round: async () => {
      const sent = await sendOutbox(store, outbox, { ...batch, logger });
      if (sent > 0) logger.debug({ runner: id, sent }, 'outbox round');
    },
    nextAt: () => earliest(scopes.map((scope) => nextDispatchDue(store, scope))),
  });
  const tick = async () => {
    await Promise.all([jobs.tick(), sending.tick()]);
  };

  // Runners hear of new or newly due jobs and rows at once (the job_due trigger); polling
  // covers the rest.
  const listener = new PgListener(store, ['job_due'], () => void tick(), logger);
  await listener.ensure();
  void tick();
  return {
    id,
    tick,
    stop: async () => {
      await Promise.all([jobs.stop(), sending.stop()]);
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

/** What this runner sends: the notifications it has providers for, the portal if it has one. */
function outboxScopes(outbox: NonNullable<JobRunnerOptions['outbox']>): DispatchScope[] {
  const channels = Object.keys(outbox.transports) as NotificationChannel[];
  return [
    { topic: 'NOTIFY', channels },
    ...(outbox.portal ? [{ topic: 'PORTAL' as const, channels: [] }] : []),
  ];
}

/** The earliest of some times, null when none. */
async function earliest(times: Promise<Date | null>[]): Promise<Date | null> {
  const known = (await Promise.all(times)).filter((at): at is Date => at !== null);
  return known.length === 0 ? null : new Date(Math.min(...known.map((at) => at.getTime())));
}
