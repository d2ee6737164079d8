import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { measure, type CpuClock, type Measurement } from './measure';
import { tpcbFromNode } from './tpcb-from-node';
import { withClient } from './with-client';

const run = promisify(execFile);

export interface PgbenchResult {
  tps: number;
  clients: number;
  seconds: number;
  scale: number;
  /** The database server's CPU seconds per transaction, when its clock could be read. */
  databaseCpuEach?: number;
  /** The same transaction sent from Node through node-pg, the same clients and time. */
  fromNode: Measurement;
}

/**
 * PostgreSQL's own yardstick on the same server: pgbench's built-in TPC-B-like script (five
 * statements in a transaction: three updates, a select, an insert), in a database of its own so
 * it does not touch the engine's tables; then the same script from Node (tpcb-from-node.ts). Null
 * when no pgbench is installed (Debian: `apt-get install postgresql-client`), or PGBENCH names one.
 */
export async function runPgbench(
  url: string,
  options: { clients: number; seconds: number; scale: number },
  databaseCpu: CpuClock,
): Promise<PgbenchResult | null> {
  const pgbench = process.env.PGBENCH ?? 'pgbench';
  try {
    await run(pgbench, ['--version']);
  } catch {
    return null;
  }
  const target = new URL(url);
  await dropDatabase(url);
  await withClient(url, (admin) => admin.query('CREATE DATABASE bench_pgbench'));
  target.pathname = '/bench_pgbench';
  const conninfo = target.toString();
  /** pgbench's tables, as `pgbench -i` sets them up. */
  const initialise = () => run(pgbench, ['-i', '-q', '-s', String(options.scale), conninfo]);
  try {
    await initialise();
    const threads = Math.min(options.clients, 2);
    let stdout = '';
    const measured = await measure(
      0,
      async () => {
        ({ stdout } = await run(pgbench, [
          ...['-c', String(options.clients), '-j', String(threads)],
          ...['-T', String(options.seconds), '-M', 'prepared'],
          conninfo,
        ]));
        // Until they have exited, pgbench's backends are still spending CPU for it.
        await backendsGone(url);
      },
      databaseCpu,
    );
    const tps = /tps = ([\d.]+)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    const transactions = /number of transactions actually processed: (\d+)/.exec(stdout);
    if (!transactions) throw new Error(`pgbench printed no transaction count:\n${stdout}`);
    // The same starting point for the run from Node.
    await initialise();
    const fromNode = await tpcbFromNode(conninfo, options, databaseCpu);
    return {
      tps: Number(tps[1]),
      ...options,
      ...(measured.databaseCpuSeconds !== undefined && {
        databaseCpuEach: measured.databaseCpuSeconds / Number(transactions[1]),
      }),
      fromNode,
    };
  } finally {
    await dropDatabase(url);
  }
}

/** Waits (up to 10 s) until the clients' backends of pgbench's database have exited. */
function backendsGone(url: string): Promise<void> {
  return withClient(url, async (admin) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const { rows } = await admin.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM pg_stat_activity
          WHERE datname = 'bench_pgbench' AND backend_type = 'client backend'`,
      );
      if (rows[0].left === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
}

async function dropDatabase(url: string): Promise<void> {
  await withClient(url, (admin) =>
    admin.query('DROP DATABASE IF EXISTS bench_pgbench WITH (FORCE)'),
  );
}
