import { checkConsistency } from '../../../src/store/consistency';
import { ensureMonthPartitions, MONTHS_AHEAD } from '../../../src/store/partitions';
import { receiveBirthRegistration, workNextTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { startQuietRunner } from '../../support/runner';
import { readProjectFile } from '../../support/models';

/**
 * Dossiers and history live in partitions by month: each row lands in its month's partition, the
 * coming months exist ahead, and a row that came before its month's partition moves into it when
 * the partition is made, leaving the figures as they were.
 */
describe('month partitions', () => {
  const suite = apiSuite({ now: new Date() });
  const query = <T>(sql: string, parameters: unknown[] = []) =>
    suite.api.database.dataSource.query(sql, parameters) as Promise<T[]>;
  const partitionOf = async (table: string, where: string, parameters: unknown[]) =>
    (
      await query<{ name: string }>(
        `SELECT tableoid::regclass::text AS name FROM ${table} WHERE ${where}`,
        parameters,
      )
    ).map((row) => row.name);
  const rollups = async () =>
    (await query('SELECT * FROM dossier_rollup')).map((row) => JSON.stringify(row)).sort();
  let code: string;

  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    code = await receiveBirthRegistration(suite.api, await suite.api.officer('tn', ['reception']));
  });

  it('puts a dossier and its history in the partitions of their month', async () => {
    const [{ month }] = await query<{ month: string }>(
      `SELECT to_char(received_day, '"y"YYYY"m"MM') AS month FROM dossier WHERE code = $1`,
      [code],
    );
    expect(await partitionOf('dossier', 'code = $1', [code])).toEqual([`dossier_${month}`]);
    const history = await partitionOf(
      'history_event',
      'instance_id = (SELECT instance_id FROM dossier WHERE code = $1)',
      [code],
    );
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history)).toEqual(new Set([`history_event_${month}`]));
  });

  it('keeps last month, this one and the coming ones ready, and makes those missing', async () => {
    expect(await ensureMonthPartitions(suite.api.database.store)).toBe(0);
    const months = await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'dossier'::regclass AND c.relname <> 'dossier_default'`,
    );
    expect(months.length).toBeGreaterThanOrEqual(MONTHS_AHEAD + 2);
    const [{ last }] = await query<{ last: string }>(
      `SELECT 'dossier' || to_char(month_of(now()) + $1 * interval '1 month', '"_y"YYYY"m"MM') AS last`,
      [MONTHS_AHEAD],
    );
    await query(`DROP TABLE "${last}"`);
    expect(await ensureMonthPartitions(suite.api.database.store)).toBe(1);
    expect(await query(`SELECT to_regclass($1) AS found`, [last])).toEqual([{ found: last }]);
    // A server's job runner does it on its first round of the day.
    await query(`DROP TABLE "${last}"`);
    const runner = await startQuietRunner(suite.api.database.store);
    try {
      await runner.tick();
    } finally {
      await runner.stop();
    }
    expect(await query(`SELECT to_regclass($1) AS found`, [last])).toEqual([{ found: last }]);
  });

  it("follows a dossier's steps in its own partition, and where its day is not its instance's", async () => {
    const status = async () =>
      (
        await query<{ status_code: number }>('SELECT status_code FROM dossier WHERE code = $1', [
          code,
        ])
      )[0].status_code;
    expect(await status()).toBe(2);
    // Moved to another month by hand: the step still finds it, in every partition.
    await query(`UPDATE dossier SET received_day = received_day - 40 WHERE code = $1`, [code]);
    await workNextTask(suite.api, code, await suite.api.officer('tn2', ['reception']));
    expect(await status()).toBe(4);
    await query(`UPDATE dossier SET received_day = received_day + 40 WHERE code = $1`, [code]);
  });

  it('moves rows the default partition took into their month when it is made, figures unchanged', async () => {
    // A dossier dated two years ahead, where no partition exists yet, lands in the default.
    await query(
      `UPDATE dossier SET received_day = received_day + interval '2 years' WHERE code = $1`,
      [code],
    );
    expect(await partitionOf('dossier', 'code = $1', [code])).toEqual(['dossier_default']);
    const before = await rollups();
    const [{ made }] = await query<{ made: boolean }>(
      `SELECT ensure_month_partition('dossier', received_day) AS made FROM dossier WHERE code = $1`,
      [code],
    );
    expect(made).toBe(true);
    expect(await partitionOf('dossier', 'code = $1', [code])).toEqual([
      expect.stringMatching(/^dossier_y\d{4}m\d{2}$/),
    ]);
    expect(await rollups()).toEqual(before);
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  });
});
