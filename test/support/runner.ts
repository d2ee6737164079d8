import pino from 'pino';
import { JobHandlers } from '../../src/jobs/handlers';
import { startJobRunner, type JobRunner } from '../../src/jobs/runner';
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
