import type { DataSource } from 'typeorm';
import { JobEntity } from '../store/entities';
import { lockInstance, runCommand } from '../store/instances';
import { deliverMessages } from '../store/messages';

/**
 * Fires the timers that are due, oldest first. Each one is its own transaction: the instance is
 * locked first (as every step does), then the job row, which is consumed with the step it causes,
 * so a timer fires once however many runners race for it. Returns how many fired.
 */
export async function fireDueTimers(
  dataSource: DataSource,
  now: Date,
  limit = 100,
): Promise<number> {
  const due = await dataSource
    .getRepository(JobEntity)
    .createQueryBuilder('j')
    .where("j.kind = 'timer' AND j.dueAt <= :now", { now })
    .orderBy('j.dueAt', 'ASC')
    .limit(limit)
    .getMany();
  let fired = 0;
  for (const job of due) if (await fireTimer(dataSource, job, now)) fired += 1;
  return fired;
}

async function fireTimer(dataSource: DataSource, job: JobEntity, now: Date): Promise<boolean> {
  const sent = await dataSource.transaction(async (manager) => {
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
