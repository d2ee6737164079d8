import path from 'node:path';
import pino from 'pino';
import { PROJECT_ROOT } from '../../../src/config';
import { seedDemo } from '../../../src/demo/seed-demo';
import { deployCalendars, readCalendarFiles } from '../../../src/store/calendars';
import { deployDirectory } from '../../../src/store/deploy-directory';
import { apiSuite } from '../../support/flows';

/**
 * The demo commune's past, as a first `npm start` makes it: months of dossiers run through the
 * engine with a simulated clock, so that every page has figures to show.
 */
describe("the demo commune's history", () => {
  const clock = { now: new Date('2026-12-04T03:00:00Z') };
  const suite = apiSuite(clock);

  beforeAll(async () => {
    const store = suite.api.database.store;
    const dir = path.join(PROJECT_ROOT, 'processes');
    await deployCalendars(store, await readCalendarFiles(path.join(dir, 'calendars')), clock.now);
    await deployDirectory(store, dir, () => clock.now);
    await seedDemo(store, clock.now, pino({ level: 'silent' }), 'history');
  }, 300_000);

  it('gives the dashboard four full months and this one, with few late dossiers', async () => {
    const { dossierMetrics } = await suite.api.ok(
      `{ dossierMetrics(groupBy: [MONTH]) { month received resolved resolvedLate onTimeRate onlinePartial onlineFull cashless inProgress } }`,
    );
    expect(dossierMetrics.map((m: { month: string }) => m.month)).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    for (const month of dossierMetrics.slice(0, 4)) {
      expect(month.received).toBeGreaterThan(100);
      expect(month.resolved).toBe(month.received);
      expect(month.onTimeRate).toBeGreaterThan(0.97);
      const online = (month.onlinePartial + month.onlineFull) / month.received;
      expect(online).toBeGreaterThan(0.3);
      expect(online).toBeLessThan(0.5);
    }
    const total = (field: string) =>
      dossierMetrics.reduce((sum: number, m: Record<string, number>) => sum + m[field], 0);
    expect(total('resolvedLate')).toBeGreaterThan(0);
    expect(total('cashless')).toBeGreaterThan(0);
    // Today's dossiers are still with the officers.
    expect(dossierMetrics[4].inProgress).toBeGreaterThan(0);
  });

  it('has joint dossiers worked by the police and social insurance, and papers asked for', async () => {
    const { dossierMetrics } = await suite.api.ok(
      `{ dossierMetrics(filter: { procedureKey: "joint-birth-residence-insurance" }) { received resolved } }`,
    );
    expect(dossierMetrics[0].received).toBeGreaterThan(10);
    const byOfficer = await suite.api.database.dataSource.query(
      `SELECT completed_by, count(*)::int AS n FROM task WHERE state = 'COMPLETED'
        AND completed_by IN ('trinh.congan', 'mai.bhxh') GROUP BY completed_by ORDER BY 1`,
    );
    expect(byOfficer.map((r: { completed_by: string }) => r.completed_by)).toEqual([
      'mai.bhxh',
      'trinh.congan',
    ]);
    const [{ n }] = await suite.api.database.dataSource.query(
      `SELECT count(*)::int AS n FROM history_event WHERE event_type = 'CLOCK_PAUSED'`,
    );
    expect(n).toBeGreaterThan(0);
  });
});
