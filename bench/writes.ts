import { Client, type Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/** What a database was written while a bench ran: totals over its measured part. */
export interface Writes {
  /** Transactions committed in that database (pg_stat_database.xact_commit), reads included. */
  commits: number;
  /** Rows inserted, updated and deleted in its tables (pg_stat_user_tables). */
  rows: number;
  /** WAL bytes the whole server wrote (pg_current_wal_lsn), nothing else running beside. */
  walBytes: number;
}

/** Starts counting; the function it returns stops and gives the totals since the start. */
export type WritesCounter = () => Promise<() => Promise<Writes>>;

/**
 * The reader's own transactions between its two readings, which the delta includes: the first
 * reading and the forced flush before the second (each statement is a transaction of its own).
 */
const READER_COMMITS = 2;

const READ = `SELECT
  (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())::float8 AS commits,
  (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables)::float8
    AS rows,
  pg_current_wal_lsn()::text AS lsn`;

interface Reading {
  commits: number;
  rows: number;
  lsn: string;
}

/**
 * Counts what the database at `url` is written between a start and a stop. PostgreSQL 15 and
 * later publish a backend's statistics lazily (at most once a second, and an idle backend only
 * after 10 s), so `flush` must make the workload's connections publish theirs first (see
 * `flushPoolStats`) and say how many transactions that took there, not counted; the reader forces
 * its own, and each of its readings is a transaction of its
 * own, so its statistics snapshot is fresh (what `pg_stat_clear_snapshot()` would do).
 */
export function countWrites(url: string, flush: () => Promise<number>): WritesCounter {
  return async () => {
    const reader = new Client({ connectionString: url });
    await reader.connect();
    const read = async () => {
      const flushes = await flush();
      await reader.query('SELECT pg_stat_force_next_flush()');
      return { flushes, ...(await reader.query<Reading>(READ)).rows[0] };
    };
    try {
      const before = await read();
      return async () => {
        try {
          const after = await read();
          const { rows } = await reader.query<{ bytes: string }>(
            'SELECT pg_wal_lsn_diff($1, $2)::text AS bytes',
            [after.lsn, before.lsn],
          );
          return {
            commits: after.commits - before.commits - READER_COMMITS - after.flushes,
            rows: after.rows - before.rows,
            walBytes: Number(rows[0].bytes),
          };
        } finally {
          await reader.end();
        }
      };
    } catch (error) {
      await reader.end();
      throw error;
    }
  };
}

/**
 * Makes every idle connection of `pool` publish its pending statistics: each one, held at once,
 * runs `pg_stat_force_next_flush()`, and a backend publishes before it answers ready. A connection
 * held elsewhere (a LISTEN) is left alone. Gives how many it flushed: a transaction each.
 */
export async function flushPoolStats(pool: Pool): Promise<number> {
  const clients: PoolClient[] = [];
  try {
    for (let idle = pool.idleCount; idle > 0; idle--) clients.push(await pool.connect());
    await Promise.all(clients.map((client) => client.query('SELECT pg_stat_force_next_flush()')));
    return clients.length;
  } finally {
    for (const client of clients) client.release();
  }
}

/** The pool of node-pg connections beneath a TypeORM data source of PostgreSQL. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** Each unit's share of `writes`, for a table's cell: commits, rows and WAL bytes. */
export function writesEach(writes: Writes | undefined, units: number): string {
  if (!writes) return '';
  const each = (total: number) => total / units;
  return [
    each(writes.commits).toFixed(2),
    each(writes.rows).toFixed(1),
    `${Math.round(each(writes.walBytes)).toLocaleString('en')} B`,
  ].join(' · ');
}
