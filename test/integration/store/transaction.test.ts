import { createTestDatabase, type TestDatabase } from '../../support/database';

describe('Store.transaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await database.dataSource.query(
      'CREATE TABLE pair (id int PRIMARY KEY, touched int NOT NULL DEFAULT 0)',
    );
    await database.dataSource.query('INSERT INTO pair (id) VALUES (1), (2)');
  });
  afterAll(() => database.drop());

  it('runs both of two transactions that deadlock, one after the other', async () => {
    let holding = 0;
    let release: () => void = () => undefined;
    const bothHoldTheirFirstRow = new Promise<void>((resolve) => (release = resolve));
    const attempts: number[] = [];
    const lockInOrder = (first: number, second: number) =>
      database.store.transaction(async ({ manager }) => {
        attempts.push(first);
        await manager.query('SELECT * FROM pair WHERE id = $1 FOR UPDATE', [first]);
        if (++holding === 2) release();
        await bothHoldTheirFirstRow;
        await manager.query('SELECT * FROM pair WHERE id = $1 FOR UPDATE', [second]);
        await manager.query('UPDATE pair SET touched = touched + 1');
        return first;
      });
    const results = await Promise.all([lockInOrder(1, 2), lockInOrder(2, 1)]);
    expect(results.sort()).toEqual([1, 2]);
    // PostgreSQL aborted one of them once; it ran again, and each update landed once.
    expect(attempts).toHaveLength(3);
    const rows = await database.dataSource.query('SELECT touched FROM pair ORDER BY id');
    expect(rows).toEqual([{ touched: 2 }, { touched: 2 }]);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(
      database.store.transaction(async () => {
        calls += 1;
        throw new Error('a bug');
      }),
    ).rejects.toThrow('a bug');
    expect(calls).toBe(1);
  });
});
