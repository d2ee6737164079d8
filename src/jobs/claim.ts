import type { DataSource } from 'typeorm';
import { JobEntity, type JobKind } from '../store/entities';
import { queryReturning } from '../store/sql';
import { inTransaction } from '../store/transaction';

/**
 * Takes up to `max` due jobs for a runner or worker and holds them until `now + lockSeconds`.
 * SKIP LOCKED lets runners take jobs side by side; a job whose holder died is taken again once
 * its lock has run out. Holding a job only reserves it: its effect lands when it is consumed,
 * in the transaction of the step it causes.
 */
export async function claimJobs(
  dataSource: DataSource,
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
  return inTransaction(dataSource, async (manager) => {
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
export async function nextDueAt(dataSource: DataSource, types: string[]): Promise<Date | null> {
  const [row] = (await dataSource.query(
    `SELECT min(GREATEST(due_at, COALESCE(locked_until, due_at))) AS due FROM job
      WHERE retries > 0 AND (kind IN ('timer', 'continue', 'start', 'message') OR type = ANY($1))`,
    [types],
  )) as { due: Date | null }[];
  return row?.due ?? null;
}
