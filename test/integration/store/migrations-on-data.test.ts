import path from 'node:path';
import pino from 'pino';
import { PROJECT_ROOT } from '../../../src/config';
import { seedDemo } from '../../../src/demo/seed-demo';
import { deployCalendars } from '../../../src/store/calendars';
import { checkConsistency } from '../../../src/store/consistency';
import { deployDirectory } from '../../../src/store/deploy-directory';
import { projectCalendarFiles } from '../../support/calendar';
import { createTestDatabase, snapshotDatabase, type TestDatabase } from '../../support/database';

/**
 * How many of the newest migrations are undone and applied again over the data: those since
 * ResultMeasures. That one and older ones rebuild rollups from the dossiers by rules that have
 * changed since (ResultMeasures counts one `resolved_same_day` fewer than the live rollup on the
 * demo day); from an empty database they are covered by migrations.test.ts.
 */
const RECENT = 21;

/**
 * Migrations meet real data: the demo commune's day (its agencies, officers and dossiers at
 * every step, on every procedure under processes/) is written, the newest migrations are undone
 * and applied again over it, and the database must come back row for row and consistent.
 */
describe('migrations over a populated database', () => {
  const now = new Date('2026-11-30T02:00:00Z');
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await deployCalendars(database.store, await projectCalendarFiles(), now);
    await deployDirectory(database.store, path.join(PROJECT_ROOT, 'processes'), () => now);
    await seedDemo(database.store, now, pino({ level: 'silent' }), 'today');
  }, 60_000);
  afterAll(() => database.drop());

  it(`undoes the ${RECENT} newest migrations and applies them again without losing a row`, async () => {
    const before = await snapshotDatabase(database.dataSource);
    expect(before.dossier.length).toBeGreaterThan(0);
    for (let n = 0; n < RECENT; n++) await database.dataSource.undoLastMigration();
    expect(await database.dataSource.runMigrations()).toHaveLength(RECENT);
    expect(await snapshotDatabase(database.dataSource)).toEqual(before);
    expect((await checkConsistency(database.store)).problems).toEqual([]);
  }, 60_000);
});
