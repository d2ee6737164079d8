import type { Store } from '../store/store';
import { deliverMessageJob, deliverMessages } from '../store/pipeline/deliver';
import { claimJobs } from '../store/jobs';
import { failTakenJob } from './failure';

/**
 * Delivers the sent messages whose senders did not (a server that died between its commit and
 * the delivery): the outbox. Each lands once: its job is consumed with the step it causes.
 * Returns how many were taken.
 */
export async function deliverDueMessages(
  store: Store,
  now: Date,
  round: { holder: string; lockSeconds: number; batch?: number; clock?: () => Date },
): Promise<number> {
  const batch = round.batch ?? 50;
  let taken = 0;
  for (;;) {
    const at = round.clock?.() ?? now;
    const jobs = await claimJobs(store, {
      kinds: ['message'],
      holder: round.holder,
      max: batch,
      lockSeconds: round.lockSeconds,
      now: at,
    });
    for (const job of jobs) {
      try {
        const next = await deliverMessageJob(store, job.id, at, round.holder);
        await deliverMessages(store, next, at, 1);
      } catch (error) {
        await failTakenJob(store, job, round.holder, error, at);
      }
    }
    taken += jobs.length;
    if (jobs.length < batch) return taken;
  }
}
