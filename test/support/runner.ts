import pino from 'pino';
import { JobHandlers } from '../../src/jobs/handlers';
import { startJobRunner, type JobRunner, type JobRunnerOptions } from '../../src/jobs/runner';
import type { Store } from '../../src/store/store';

/** A silent job runner that polls once an hour: only a notification or `tick` makes it work. */
export function startQuietRunner(store: Store, handlers = new JobHandlers()): Promise<JobRunner> {
  return startJobRunner({
    store,
    handlers,
    now: () => new Date(),
    pollMs: 3_600_000,
    lockSeconds: 30,
    logger: pino({ level: 'silent' }),
  });
}

/**
 * A job runner that sends the outbox as `outbox` says, on the test's clock; `send` runs its
 * rounds until nothing more is due now, `later` moves the clock on.
 */
export async function startOutboxRunner(
  store: Store,
  clock: { now: Date },
  outbox: JobRunnerOptions['outbox'],
  logger = pino({ level: 'silent' }),
): Promise<{ runner: JobRunner; send(): Promise<void>; later(seconds: number): void }> {
  const runner = await startJobRunner({
    store,
    handlers: new JobHandlers(),
    now: () => clock.now,
    pollMs: 3_600_000,
    lockSeconds: 30,
    logger,
    outbox,
  });
  return {
    runner,
    send: async () => {
      // A row acknowledged in one round lets its dossier's next go in the next.
      await runner.tick();
      await runner.tick();
    },
    later: (seconds) => {
      clock.now = new Date(clock.now.getTime() + seconds * 1000);
    },
  };
}
