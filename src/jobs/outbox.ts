import type { DataSource } from 'typeorm';
import { deliverMessageJob, deliverMessages } from '../store/messages';
import { claimJobs } from './claim';
import { failTakenJob } from './failure';

/**
 * Delivers the sent messages whose senders did not (a server that died between its commit and
 * the delivery): the outbox. Each lands once: its job is consumed with the step it causes.
 * Returns how many were taken.
 */
export async function deliverDueMessages(
  dataSource: DataSource,
  now: Date,
  round: { holder: string; lockSeconds: number; batch?: number; clock?: () => Date },
): Promise<number> {
  const batch = round.batch ?? 50;
  let taken = 0;
  for (;;) {
    const at = round.clock?.() ?? now;
    const jobs = await claimJobs(dataSource, {
      kinds: ['message'],
      holder: round.holder,
      max: batch,
      lockSeconds: round.lockSeconds,
      now: at,
    });
    for (const job of jobs) {
      try {
        const next = await deliverMessageJob(dataSource, job.id, at, round.holder);
        await deliverMessages(dataSource, next, at, 1);
      } catch (error) {
        await failTakenJob(dataSource, job, round.holder, error, at);
      }
    }
    taken += jobs.length;
    if (jobs.length < batch) return taken;
  }
}
