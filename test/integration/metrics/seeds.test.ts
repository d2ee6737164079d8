import { apiSuite } from '../../support/flows';
import { buildFixtures, FIXTURE_PROCEDURE, spread } from '../../support/seed-fixtures';

/**
 * The field reports' figures (../shared/DOMAIN.md, "Figures from the seeds"), rebuilt dossier by
 * dossier through the API, and read back by `dossierMetrics` exactly.
 */
describe('the seeds, counted', () => {
  const clock = { now: new Date('2023-01-02T01:00:00Z') };
  const suite = apiSuite(clock);
  let admin = '';
  const metrics = async (filter: string, groupBy = '') =>
    (
      await suite.api.ok<{ dossierMetrics: Record<string, number | string | null>[] }>(
        `{ dossierMetrics(filter: { ${filter} } ${groupBy}) {
            agencyCode received resolved resolvedEarly resolvedOnTime resolvedLate inProgress
            inProgressWithinTime inProgressOverdue onTime onTimeRate onlineFull onlineFullShare
            digitizedShare reuseShare electronicCopies averageProcessingDays } }`,
        {},
        admin,
      )
    ).dossierMetrics;

  beforeAll(async () => {
    admin = await suite.api.officer('quan.tri', ['admin'], 'tinh');
    const office = async (agencyCode: string) => ({
      agencyCode,
      reception: await suite.api.officer(`${agencyCode}.motcua`, ['reception'], agencyCode),
      processing: await suite.api.officer(`${agencyCode}.hotich`, ['civil_status'], agencyCode),
    });
    await suite.f.deploy(FIXTURE_PROCEDURE);
    await buildFixtures(suite.api, clock, [
      {
        // Seed 001: Dương Phong, 8 months of 2023.
        ...(await office('duong-phong')),
        dossiers: spread('2023-01-03', '2023-08-31', [
          { count: 187, dossier: { outcome: 'EARLY', electronicCopies: 1 } },
          { count: 29, dossier: { outcome: 'EARLY' } },
          { count: 126, dossier: { outcome: 'ON_TIME' } },
        ]),
      },
      {
        // Seed 004: Minh Xuân, first half of 2024; 45 received online.
        ...(await office('minh-xuan')),
        dossiers: spread('2024-01-02', '2024-06-28', [
          { count: 45, dossier: { outcome: 'EARLY', channel: 'ONLINE_FULL' } },
          { count: 300, dossier: { outcome: 'EARLY' } },
          { count: 25, dossier: { outcome: 'ON_TIME' } },
          { count: 1, dossier: { outcome: 'LATE' } },
        ]),
      },
      {
        // Seed 002: Xuân Hòa, 1 July – 12 November 2025; every dossier digitized and reusing.
        ...(await office('xuan-hoa')),
        dossiers: [
          ...spread('2025-07-01', '2025-11-10', [
            { count: 3000, dossier: { outcome: 'EARLY', digitized: true, reused: true } },
            { count: 341, dossier: { outcome: 'ON_TIME', digitized: true, reused: true } },
            { count: 1, dossier: { outcome: 'LATE', digitized: true, reused: true } },
          ]),
          ...spread('2025-11-11', '2025-11-12', [
            { count: 24, dossier: { outcome: 'OPEN', digitized: true, reused: true } },
          ]),
        ],
      },
    ]);
    // The report is read at the end of 12 November 2025.
    clock.now = new Date('2025-11-12T10:00:00Z');
  }, 600_000);

  it('gives Xuân Hòa: 3,366 received, 3,341 early or on time, 24 in progress within time, 1 late', async () => {
    const [xuanHoa] = await metrics(
      `agencyCodes: ["xuan-hoa"], from: "2025-07-01", to: "2025-11-12"`,
    );
    expect(xuanHoa).toMatchObject({
      received: 3366,
      resolved: 3342,
      resolvedLate: 1,
      inProgress: 24,
      inProgressWithinTime: 24,
      inProgressOverdue: 0,
      digitizedShare: 1,
      reuseShare: 1,
    });
    expect(Number(xuanHoa.resolvedEarly) + Number(xuanHoa.resolvedOnTime)).toBe(3341);
    expect(xuanHoa.onTime).toBe(3365);
  });

  it('gives Dương Phong: 342 resolved, 216 early and 126 on time, none in progress, 187 electronic copies', async () => {
    const [duongPhong] = await metrics(
      `agencyCodes: ["duong-phong"], from: "2023-01-01", to: "2023-08-31"`,
    );
    expect(duongPhong).toMatchObject({
      received: 342,
      resolved: 342,
      resolvedEarly: 216,
      resolvedOnTime: 126,
      resolvedLate: 0,
      inProgress: 0,
      electronicCopies: 187,
      onTimeRate: 1,
    });
  });

  it('gives Minh Xuân 370 of 371 on time: 99.73%, not the 99.96% the article printed', async () => {
    const [minhXuan] = await metrics(
      `agencyCodes: ["minh-xuan"], from: "2024-01-01", to: "2024-06-30"`,
    );
    expect(minhXuan).toMatchObject({ received: 371, onTime: 370, resolvedLate: 1, onlineFull: 45 });
    expect(Math.round(Number(minhXuan.onTimeRate) * 10_000) / 100).toBe(99.73);
    expect(Number(minhXuan.onlineFullShare)).toBeCloseTo(45 / 371, 10);
  });

  it('groups the three offices side by side, and by month', async () => {
    const byAgency = await metrics(`from: "2023-01-01", to: "2025-12-31"`, `, groupBy: [AGENCY]`);
    expect(byAgency.map((row) => [row.agencyCode, row.received])).toEqual([
      ['duong-phong', 342],
      ['minh-xuan', 371],
      ['xuan-hoa', 3366],
    ]);
    const byMonth = await suite.api.ok<{
      dossierMetrics: { month: string; received: number; inProgress: number }[];
    }>(
      `{ dossierMetrics(filter: { agencyCodes: ["xuan-hoa"] }, groupBy: [MONTH]) { month received inProgress } }`,
      {},
      admin,
    );
    // The 24 still open were received over two days of November: one row of the month holds them.
    expect(byMonth.dossierMetrics.map((row) => [row.month, row.inProgress])).toEqual([
      ['2025-07', 0],
      ['2025-08', 0],
      ['2025-09', 0],
      ['2025-10', 0],
      ['2025-11', 24],
    ]);
    expect(byMonth.dossierMetrics.reduce((sum, row) => sum + row.received, 0)).toBe(3366);
  });

  it('keeps every grain of the rollup equal to the dossiers themselves', async () => {
    const raw = await suite.api.database.dataSource.query(
      `SELECT m.agency_code, sum(m.received)::int AS received, sum(m.early)::int AS early,
              sum(m.on_time)::int AS on_time, sum(m.late)::int AS late,
              sum(m.processing_minutes)::bigint AS minutes
         FROM dossier d, LATERAL dossier_measures(d) m GROUP BY 1 ORDER BY 1`,
    );
    for (const grain of ['agency', 'procedure', 'officer']) {
      for (const span of ['day', 'month']) {
        const rolled = await suite.api.database.dataSource.query(
          `SELECT agency_code, sum(received)::int AS received, sum(early)::int AS early,
                  sum(on_time)::int AS on_time, sum(late)::int AS late,
                  sum(processing_minutes)::bigint AS minutes
             FROM dossier_rollup WHERE grain = $1 AND span = $2 GROUP BY 1 ORDER BY 1`,
          [grain, span],
        );
        expect([grain, span, rolled]).toEqual([grain, span, raw]);
      }
    }
    // Mixing the officer with the procedure reads the dossiers: the same figures.
    const mixed = await suite.api.ok<{ dossierMetrics: { received: number; onTime: number }[] }>(
      `{ dossierMetrics(filter: { agencyCodes: ["minh-xuan"] }, groupBy: [OFFICER, PROCEDURE]) { received onTime } }`,
      {},
      admin,
    );
    expect(mixed.dossierMetrics).toEqual([{ received: 371, onTime: 370 }]);
  });
});
