import { Client } from 'pg';
import { measure, type CpuClock, type Measurement } from './measure';

/** pgbench's built-in TPC-B-like script, statement by statement, as `-M prepared` sends it. */
const STATEMENTS = {
  begin: 'BEGIN',
  account: 'UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2',
  balance: 'SELECT abalance FROM pgbench_accounts WHERE aid = $1',
  teller: 'UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2',
  branch: 'UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2',
  history:
    'INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)',
  end: 'END',
};

const randomInt = (from: number, to: number) => from + Math.floor(Math.random() * (to - from + 1));

async function transaction(client: Client, scale: number): Promise<void> {
  const aid = randomInt(1, 100_000 * scale);
  const bid = randomInt(1, scale);
  const tid = randomInt(1, 10 * scale);
  const delta = randomInt(-5000, 5000);
  const run = (name: keyof typeof STATEMENTS, values: unknown[] = []) =>
    client.query({ name, text: STATEMENTS[name], values });
  await run('begin');
  await run('account', [delta, aid]);
  await run('balance', [aid]);
  await run('teller', [delta, tid]);
  await run('branch', [delta, bid]);
  await run('history', [tid, bid, aid, delta]);
  await run('end');
}

/**
 * pgbench's own transaction sent from Node through node-pg (the driver the store uses), prepared,
 * one connection per client, for `seconds`, against pgbench's tables. What a Node client gets
 * doing exactly pgbench's work, beside what pgbench gets: the part of the gap to pgbench that is
 * Node and its driver rather than what a step writes. A second of warm-up (JIT) goes first.
 */
export async function tpcbFromNode(
  conninfo: string,
  options: { clients: number; seconds: number; scale: number },
  databaseCpu: CpuClock,
): Promise<Measurement> {
  const clients = Array.from(
    { length: options.clients },
    () => new Client({ connectionString: conninfo }),
  );
  await Promise.all(clients.map((client) => client.connect()));
  try {
    let done = 0;
    const runFor = (seconds: number) => {
      const end = Date.now() + seconds * 1000;
      done = 0;
      return Promise.all(
        clients.map(async (client) => {
          while (Date.now() < end) {
            await transaction(client, options.scale);
            done += 1;
          }
        }),
      ).then(() => undefined);
    };
    await runFor(1);
    const measured = await measure(0, () => runFor(options.seconds), databaseCpu);
    return { ...measured, count: done };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
