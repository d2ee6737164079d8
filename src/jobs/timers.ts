import type { DataSource } from 'typeorm';
import { AppError } from '../errors';
import { JobEntity } from '../store/entities';
import { lockInstance, runCommand } from '../store/instances';
import { deliverMessages } from '../store/messages';
import { inTransaction } from '../store/transaction';

/**
 * Fires the timers that are due, oldest first. Each one is its own transaction: the instance is
 * locked first (as every step does), then the job row, which is consumed with the step it causes,
 * so a timer fires once however many runners race for it. A timer whose step the engine refuses
 * (a condition that cannot be decided, an error nothing catches) does not hold up the others:
 * it loses a try and waits a while; with no try left it waits for someone to look at it.
 * Returns how many fired.
 */
export async function fireDueTimers(
  dataSource: DataSource,
  now: Date,
  limit = 100,
): Promise<number> {
  const due = await dataSource
    .getRepository(JobEntity)
    .createQueryBuilder('j')
    .where("j.kind = 'timer' AND j.dueAt <= :now AND j.retries > 0", { now })
    .orderBy('j.dueAt', 'ASC')
    .limit(limit)
    .getMany();
  let fired = 0;
  for (const job of due) {
    try {
      if (await fireTimer(dataSource, job, now)) fired += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const retries = Math.max(0, job.retries - 1);
      const retryAt = new Date(now.getTime() + 2 ** (3 - retries) * 60_000);
      await dataSource
        .getRepository(JobEntity)
        .update(
          { id: job.id },
          { retries, errorMessage: `${error.code}: ${error.message}`, dueAt: retryAt },
        );
    }
  }
  return fired;
}

async function fireTimer(dataSource: DataSource, job: JobEntity, now: Date): Promise<boolean> {
  const sent = await inTransaction(dataSource, async (manager) => {
    const instance = await lockInstance(manager, job.instanceId);
    const rows: JobEntity[] = await manager
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('j.id = :id', { id: job.id })
      .getMany();
    if (rows.length === 0) return undefined;
    await manager.delete(JobEntity, { id: job.id });
    if (
      instance.status !== 'ACTIVE' ||
      !instance.state.subscriptions.some((s) => s.id === job.waitId)
    )
      return [];
    return (
      await runCommand(manager, instance, { type: 'FIRE_TIMER', subscriptionId: job.waitId }, now)
    ).sent;
  });
  if (sent === undefined) return false;
  await deliverMessages(dataSource, sent, now);
  return true;
}
