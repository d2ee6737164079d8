import { JobEntity, type JobKind } from './entities';
import { closeIncidentsOfJobs } from './incidents';
import { preparedQuery } from './prepared';
import { queryReturning } from './sql';
import type { Store } from './store';

/** The job's effect is landing in this transaction: it goes, and so do its incidents. */
export async function consumeJob(tx: Store, job: Pick<JobEntity, 'id'>, now: Date): Promise<void> {
  await tx.manager.delete(JobEntity, { id: job.id });
  await closeIncidentsOfJobs(tx.manager, [job.id], now);
}

/**
 * Takes up to `max` due jobs for a runner or worker and holds them until `now + lockSeconds`.
 * SKIP LOCKED lets runners take jobs side by side; a job whose holder died is taken again once
 * its lock has run out. Holding a job only reserves it: its effect lands when it is consumed,
 * in the transaction of the step it causes.
 */
export function claimJobs(
  store: Store,
  input: {
    kinds: JobKind[];
    type?: string;
    holder: string;
    max: number;
    lockSeconds: number;
    now: Date;
  },
): Promise<JobEntity[]> {
  const until = new Date(input.now.getTime() + input.lockSeconds * 1000);
  return store.transaction(async ({ manager }) => {
    const rows = await queryReturning<{ id: string }>(
      manager,
      `UPDATE job SET locked_by = $1, locked_until = $2
        WHERE id IN (
          SELECT id FROM job
           WHERE kind = ANY($3) AND ($4::varchar IS NULL OR type = $4) AND due_at <= $5 AND retries > 0
             AND (locked_until IS NULL OR locked_until < $5)
           ORDER BY due_at LIMIT $6
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [input.holder, until, input.kinds, input.type ?? null, input.now, input.max],
    );
    return rows.length === 0
      ? []
      : manager
          .getRepository(JobEntity)
          .find({ where: rows.map(({ id }) => ({ id })), order: { dueAt: 'ASC' } });
  });
}

/**
 * When the next job this runner could take falls due (a timer, or a job of a type it handles),
 * or its holder's reservation runs out: how long the runner may sleep.
 */
export async function nextDueAt(store: Store, types: string[]): Promise<Date | null> {
  const [row] = await preparedQuery<{ due: Date | null }>(
    store.manager,
    `SELECT min(GREATEST(due_at, COALESCE(locked_until, due_at))) AS due FROM job
      WHERE retries > 0 AND (kind IN ('timer', 'continue', 'start', 'message', 'call') OR type = ANY($1))`,
    [types],
  );
  return row?.due ?? null;
}

export function findJob(store: Store, id: string): Promise<JobEntity | null> {
  return store.manager.getRepository(JobEntity).findOneBy({ id });
}

/** The job, row-locked until the transaction ends (after its instance: see lockInstance). */
export function lockJob(tx: Store, id: string): Promise<JobEntity | null> {
  return tx.manager.findOne(JobEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** A job's new tries, due time, holder or repeat (a failure, a retry, a timer's next beat). */
export async function updateJob(
  tx: Store,
  id: string,
  changes: Partial<
    Pick<JobEntity, 'retries' | 'errorMessage' | 'lockedBy' | 'lockedUntil' | 'dueAt' | 'repeat'>
  >,
): Promise<boolean> {
  const result = await tx.manager.update(JobEntity, { id }, changes);
  return (result.affected ?? 0) > 0;
}
