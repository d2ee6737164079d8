import { Pool } from 'pg';
import { configureGroupCommit, groupCommitOf } from '../../../src/store/group-commit';
import { createDataSource } from '../../../src/store/data-source';
import { Store } from '../../../src/store/store';
import { isDatabaseUnavailable } from '../../../src/store/unavailable';
import { startTcpProxy } from '../../support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Group commit on a real PostgreSQL: one lane, so that transactions arriving while it is busy
 * must share its commit; a wait long enough that only the size and the queue end a commit.
 */
describe('group commit', () => {
  let database: TestDatabase;
  let store: Store;
  /** Connections of their own, outside the store's pool: what another server would see. */
  let observer: Pool;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    configureGroupCommit(database.dataSource, { maxSize: 8, maxWaitMs: 60_000, lanes: 1 });
    store = Store.of(database.dataSource);
    await database.dataSource.query('CREATE TABLE probe (n int PRIMARY KEY)');
    observer = new Pool({ connectionString: database.url, max: 5 });
  });
  afterAll(async () => {
    await observer.end();
    await database.drop();
  });

  const committed = () => ({ ...groupCommitOf(database.dataSource).committed });
  const visible = async () =>
    (await observer.query<{ n: number }>('SELECT n FROM probe ORDER BY n')).rows.map((r) => r.n);
  const insert = (n: number) =>
    store.transaction(async ({ manager }) => {
      await manager.query('INSERT INTO probe (n) VALUES ($1)', [n]);
      return n;
    });

  beforeEach(() => database.dataSource.query('TRUNCATE probe'));

  it('commits a transaction alone at once, without waiting for company', async () => {
    const before = committed();
    // The wait is a minute: were a lone transaction held for company, this would time out.
    await expect(insert(1)).resolves.toBe(1);
    expect(await visible()).toEqual([1]);
    expect(committed()).toEqual({
      transactions: before.transactions + 1,
      members: before.members + 1,
    });
  });

  it('lets transactions that arrive together share commits, answering each after its commit', async () => {
    const before = committed();
    const seen: number[][] = [];
    const answers = [1, 2, 3, 4, 5].map((n) =>
      insert(n).then(async (result) => {
        // Answered only once committed: the row is there for every other connection.
        seen.push(await visible());
        return result;
      }),
    );
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5]);
    for (const rows of seen) expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(await visible()).toEqual([1, 2, 3, 4, 5]);
    const after = committed();
    expect(after.members - before.members).toBe(5);
    // The first took the lane; the four that queued behind it joined its transaction.
    expect(after.transactions - before.transactions).toBe(1);
  });

  it('sinks only the transaction that fails: the others of its commit land', async () => {
    const failing = store.transaction(async ({ manager }) => {
      await manager.query('INSERT INTO probe (n) VALUES (20)');
      await manager.query('INSERT INTO probe (n) VALUES (20)'); // a duplicate key
    });
    const [first, failed, last] = await Promise.allSettled([insert(10), failing, insert(30)]);
    expect(first).toEqual({ status: 'fulfilled', value: 10 });
    expect(failed.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/duplicate key/);
    expect(last).toEqual({ status: 'fulfilled', value: 30 });
    expect(await visible()).toEqual([10, 30]);
  });

  it('runs again, in a commit of its own, a transaction that lost a race', async () => {
    let attempts = 0;
    const racing = store.transaction(async ({ manager }) => {
      attempts += 1;
      await manager.query('INSERT INTO probe (n) VALUES (50)');
      if (attempts === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    const results = await Promise.all([insert(40), racing, insert(60)]);
    expect(results).toEqual([40, 'done', 60]);
    expect(attempts).toBe(2);
    expect(await visible()).toEqual([40, 50, 60]);
  });

  it('never hands a connection back to the pool inside a transaction', async () => {
    await Promise.allSettled([
      insert(70),
      store.transaction(() => Promise.reject(new Error('a bug'))),
      insert(80),
    ]);
    const open = await database.dataSource.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open[0].open).toBe(0);
    expect(await visible()).toEqual([70, 80]);
  });

  it('fails every caller, none left waiting, when the database cannot be reached', async () => {
    // Through a proxy that is then killed: connections are refused, as when PostgreSQL is down.
    const url = new URL(database.url);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    url.port = String(proxy.port);
    const unreachable = createDataSource(url.toString(), { poolSize: 2 });
    await unreachable.initialize();
    configureGroupCommit(unreachable, { maxSize: 8, maxWaitMs: 5, lanes: 1 });
    try {
      await proxy.kill();
      const work = () =>
        Store.of(unreachable).transaction(({ manager }) => manager.query('SELECT 1'));
      const outcomes = await Promise.allSettled([work(), work(), work()]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
      ]);
      for (const outcome of outcomes) {
        expect(isDatabaseUnavailable((outcome as PromiseRejectedResult).reason)).toBe(true);
      }
    } finally {
      await unreachable.destroy().catch(() => undefined);
    }
  });
});
