import { apiSuite } from '../../support/flows';
import {
  buildFixtures,
  FIXTURE_PROCEDURE,
  oneStepProcedure,
  spread,
  type FixtureOffice,
} from '../../support/seed-fixtures';

/**
 * The field reports' figures (the seeds: articles of communes and districts on their one-stop
 * offices), rebuilt from dossiers received and worked through the API, and read back by
 * `dossierMetrics` and `serviceIndexRanking` exactly. Where a report's arithmetic is off, the
 * test says what its figures give.
 *
 * The largest (Lục Yên's 15,397 dossiers, Xuân Tây's 2,501, An Hòa's province) are built in bulk:
 * on the first Monday of each month of their period, one dossier of each kind a day through the
 * API, and the others copied from it row for row (FixtureOffice.bulk, copyDossier), the rollups
 * counting the copies through their own triggers. They add about 15–20 seconds, not minutes.
 */
describe('the seeds, counted', () => {
  const clock = { now: new Date('2023-01-02T01:00:00Z') };
  const suite = apiSuite(clock);
  /** When the reports are read, unless a test says otherwise: the end of 12 November 2025. */
  const READ_AT = new Date('2025-11-12T10:00:00Z');
  let admin = '';
  let anHoaLeader = '';
  const metrics = async (filter: string, groupBy = '') =>
    (
      await suite.api.ok<{ dossierMetrics: Record<string, number | string | null>[] }>(
        `{ dossierMetrics(filter: { ${filter} } ${groupBy}) {
            agencyCode channel received resolved resolvedEarly resolvedOnTime resolvedLate
            inProgress inProgressWithinTime inProgressOverdue onTime onTimeRate onlineFull
            onlineFullShare onlinePartial digitized digitizedShare reuseShare withFee cashless
            cashlessShare joint electronicCopies returnedAtHome homeRoundTrip
            averageProcessingDays } }`,
        {},
        admin,
      )
    ).dossierMetrics;
  /** A percentage to two decimals, as the reports print them. */
  const percent = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100;

  beforeEach(() => {
    clock.now = READ_AT;
  });

  beforeAll(async () => {
    admin = await suite.api.officer('quan.tri', ['admin'], 'tinh');
    const agency = (code: string, name: string, kind: string, parentCode?: string) =>
      suite.api.ok(
        `mutation ($code: String!, $name: String!, $kind: String!, $parent: String) {
           createAgency(code: $code, name: $name, kind: $kind, parentCode: $parent) { code } }`,
        { code, name, kind, parent: parentCode },
      );
    // Seed 004's district, Lục Yên (Yên Bái), and four of its communes, Minh Xuân among them.
    await agency('yen-bai', 'UBND tỉnh Yên Bái', 'province');
    await agency('luc-yen', 'UBND huyện Lục Yên', 'district', 'yen-bai');
    for (const [code, name] of [
      ['minh-xuan', 'Minh Xuân'],
      ['an-phu', 'An Phú'],
      ['tan-linh', 'Tân Lĩnh'],
      ['khanh-thien', 'Khánh Thiện'],
    ]) {
      await agency(code, `UBND xã ${name}`, 'commune', 'luc-yen');
    }
    // Seed 003's An Hòa, in a province the report does not name: five communes of a district.
    await agency('tinh-x', 'UBND tỉnh X', 'province');
    await agency('huyen-x', 'UBND huyện X', 'district', 'tinh-x');
    for (const [code, name] of [
      ['an-hoa', 'An Hòa'],
      ['hoa-binh', 'Hòa Bình'],
      ['tan-lap', 'Tân Lập'],
      ['thanh-son', 'Thanh Sơn'],
      ['binh-minh', 'Bình Minh'],
    ]) {
      await agency(code, `UBND xã ${name}`, 'commune', 'huyen-x');
    }
    anHoaLeader = await suite.api.officer('an-hoa.chutich', ['leader'], 'an-hoa');
    const office = async (agencyCode: string) => ({
      agencyCode,
      reception: await suite.api.officer(`${agencyCode}.motcua`, ['reception'], agencyCode),
      processing: await suite.api.officer(`${agencyCode}.hotich`, ['civil_status'], agencyCode),
    });
    await suite.f.deploy(FIXTURE_PROCEDURE);
    // The procedures offered online (Lục Yên's), and a joint one (An Hòa's death registrations
    // with their residence and funeral allowance steps), offered fully online.
    await suite.f.deploy(
      oneStepProcedure('fixture-online', 'tthc:field="civil_status" tthc:onlineService="full"'),
    );
    await suite.f.deploy(
      oneStepProcedure('fixture-joint', 'tthc:field="joint" tthc:onlineService="full"'),
    );
    const H1 = ['2024-01-01', '2024-06-24'] as const;
    // Lục Yên's other communes, 4,500 + 4,500 + 4,530 (with Minh Xuân's 371: 13,901): of the
    // procedure offered online, received online and at the desk; of the others, on time and late.
    const lucYenCommunes: FixtureOffice[] = [];
    for (const [code, online, channel, atDesk, others, late] of [
      ['an-phu', 1000, 'ONLINE_PARTIAL', 80, 3418, 2],
      ['tan-linh', 900, 'ONLINE_FULL', 79, 3519, 2],
      ['khanh-thien', 795, 'ONLINE_PARTIAL', 80, 3654, 1],
    ] as const) {
      lucYenCommunes.push({
        ...(await office(code)),
        bulk: true,
        dossiers: spread(
          ...H1,
          [
            {
              count: online,
              dossier: { outcome: 'EARLY', procedureKey: 'fixture-online', channel },
            },
            { count: atDesk, dossier: { outcome: 'EARLY', procedureKey: 'fixture-online' } },
            { count: others, dossier: { outcome: 'ON_TIME' } },
            { count: late, dossier: { outcome: 'LATE' } },
          ],
          { monthly: true },
        ),
      });
    }
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
        // Seed 004: Minh Xuân, first half of 2024; 45 received online (of the procedure offered
        // online: Lục Yên's online figures count them).
        ...(await office('minh-xuan')),
        dossiers: spread('2024-01-02', '2024-06-28', [
          {
            count: 45,
            dossier: { outcome: 'EARLY', channel: 'ONLINE_FULL', procedureKey: 'fixture-online' },
          },
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
      {
        // Seed 000: Xuân Tây, 2024, read on 15 October. Nine months: 2,367 received, 933 of them
        // online (700 partly, 233 fully), 1,102 digitized (the 933 and 169 at the desk), 94 with
        // fees of which 19 paid by QR; 41 late. Then 51 more resolved, and 83 open within time.
        ...(await office('xuan-tay')),
        bulk: true,
        dossiers: [
          ...spread(
            '2024-01-01',
            '2024-09-30',
            [
              {
                count: 700,
                dossier: { outcome: 'EARLY', channel: 'ONLINE_PARTIAL', digitized: true },
              },
              {
                count: 233,
                dossier: { outcome: 'EARLY', channel: 'ONLINE_FULL', digitized: true },
              },
              { count: 169, dossier: { outcome: 'ON_TIME', digitized: true } },
              { count: 19, dossier: { outcome: 'EARLY', fee: 'QR' } },
              { count: 75, dossier: { outcome: 'EARLY', fee: 'CASH' } },
              { count: 41, dossier: { outcome: 'LATE' } },
              { count: 800, dossier: { outcome: 'EARLY' } },
              { count: 330, dossier: { outcome: 'ON_TIME' } },
            ],
            { monthly: true },
          ),
          ...spread('2024-10-01', '2024-10-11', [{ count: 51, dossier: { outcome: 'EARLY' } }], {
            monthly: true,
          }),
          ...spread('2024-10-14', '2024-10-15', [{ count: 83, dossier: { outcome: 'OPEN' } }]),
        ],
      },
      // Seed 003: An Hòa and the four other communes of its district, first half of 2024.
      {
        // 157 joint dossiers, all on time: 32 deaths registered at home (received and returned
        // there), 45 received fully online, 80 at the desk.
        ...(await office('an-hoa')),
        bulk: true,
        dossiers: spread(
          ...H1,
          [
            {
              count: 32,
              dossier: {
                outcome: 'EARLY',
                procedureKey: 'fixture-joint',
                channel: 'AT_HOME',
                digitized: true,
                returned: 'AT_HOME',
              },
            },
            {
              count: 45,
              dossier: {
                outcome: 'EARLY',
                procedureKey: 'fixture-joint',
                channel: 'ONLINE_FULL',
                digitized: true,
              },
            },
            { count: 80, dossier: { outcome: 'ON_TIME', procedureKey: 'fixture-joint' } },
          ],
          { monthly: true },
        ),
      },
      {
        // More online, every dossier digitized, most reusing papers: first.
        ...(await office('hoa-binh')),
        bulk: true,
        dossiers: spread(
          ...H1,
          [
            {
              count: 150,
              dossier: {
                outcome: 'EARLY',
                procedureKey: 'fixture-joint',
                channel: 'ONLINE_FULL',
                digitized: true,
                reused: true,
              },
            },
            {
              count: 50,
              dossier: { outcome: 'EARLY', procedureKey: 'fixture-joint', digitized: true },
            },
          ],
          { monthly: true },
        ),
      },
      {
        // Half online, every dossier digitized: second.
        ...(await office('tan-lap')),
        bulk: true,
        dossiers: spread(
          ...H1,
          [
            {
              count: 60,
              dossier: {
                outcome: 'EARLY',
                procedureKey: 'fixture-joint',
                channel: 'ONLINE_FULL',
                digitized: true,
              },
            },
            {
              count: 60,
              dossier: { outcome: 'ON_TIME', procedureKey: 'fixture-joint', digitized: true },
            },
          ],
          { monthly: true },
        ),
      },
      {
        // As online as An Hòa, but 5 of 140 late and fewer digitized: fourth.
        ...(await office('thanh-son')),
        bulk: true,
        dossiers: spread(
          ...H1,
          [
            {
              count: 45,
              dossier: {
                outcome: 'EARLY',
                procedureKey: 'fixture-joint',
                channel: 'ONLINE_FULL',
                digitized: true,
              },
            },
            { count: 90, dossier: { outcome: 'ON_TIME', procedureKey: 'fixture-joint' } },
            { count: 5, dossier: { outcome: 'LATE', procedureKey: 'fixture-joint' } },
          ],
          { monthly: true },
        ),
      },
      {
        // All on time, at the desk, nothing online or digitized: fifth.
        ...(await office('binh-minh')),
        bulk: true,
        dossiers: spread(...H1, [{ count: 100, dossier: { outcome: 'EARLY' } }], {
          monthly: true,
        }),
      },
      // Seed 004: Lục Yên, first half of 2024. The district resolves 1,496 (4 late); its
      // communes 13,901 (6 late: Minh Xuân's 1, above, and 5 here). Of all of them, 3,879 are of
      // the procedure offered online, 3,590 of those received online.
      {
        ...(await office('luc-yen')),
        bulk: true,
        dossiers: spread(
          ...H1,
          [
            {
              count: 850,
              dossier: {
                outcome: 'EARLY',
                procedureKey: 'fixture-online',
                channel: 'ONLINE_PARTIAL',
              },
            },
            { count: 50, dossier: { outcome: 'EARLY', procedureKey: 'fixture-online' } },
            { count: 592, dossier: { outcome: 'ON_TIME' } },
            { count: 4, dossier: { outcome: 'LATE' } },
          ],
          { monthly: true },
        ),
      },
      ...lucYenCommunes,
    ]);
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

  it('gives Xuân Tây over 2,500 received, over 2,417 resolved, nearly 98.4% on time; 39.42% online, 46.56% digitized, 20.21% cashless in nine months', async () => {
    // The report was written in October 2024: its year is the year so far, read on 15 October.
    clock.now = new Date('2024-10-15T10:00:00Z');
    const [year] = await metrics(`agencyCodes: ["xuan-tay"], from: "2024-01-01", to: "2024-12-31"`);
    expect(year).toMatchObject({
      received: 2501,
      resolved: 2418,
      resolvedLate: 41,
      inProgress: 83,
      inProgressWithinTime: 83,
      onTime: 2460,
    });
    // 2,460 of 2,501: 98.36%, "nearly 98.4%".
    expect(percent(Number(year.onTime), 2501)).toBe(98.36);
    expect(Math.round(Number(year.onTimeRate) * 10_000) / 100).toBe(98.36);

    const [nineMonths] = await metrics(
      `agencyCodes: ["xuan-tay"], from: "2024-01-01", to: "2024-09-30"`,
    );
    expect(nineMonths).toMatchObject({
      received: 2367,
      onlineFull: 233,
      onlinePartial: 700,
      digitized: 1102,
      withFee: 94,
      cashless: 19,
    });
    // Online (partly or fully): 933 of 2,367; digitized 1,102 of 2,367; cashless 19 of the 94
    // dossiers with fees.
    expect(percent(Number(nineMonths.onlineFull) + Number(nineMonths.onlinePartial), 2367)).toBe(
      39.42,
    );
    expect(Math.round(Number(nineMonths.digitizedShare) * 10_000) / 100).toBe(46.56);
    expect(Math.round(Number(nineMonths.cashlessShare) * 10_000) / 100).toBe(20.21);
  });

  it('gives An Hòa 157 joint dossiers on time, 32 deaths registered at home, and third place in its province', async () => {
    const [anHoa] = await metrics(
      `agencyCodes: ["an-hoa"], from: "2024-01-01", to: "2024-06-30", field: "joint"`,
    );
    expect(anHoa).toMatchObject({
      received: 157,
      joint: 157,
      resolved: 157,
      onTime: 157,
      onTimeRate: 1,
      returnedAtHome: 32,
      homeRoundTrip: 32,
    });
    const [atHome] = await metrics(
      `agencyCodes: ["an-hoa"], from: "2024-01-01", to: "2024-06-30", channel: AT_HOME`,
    );
    expect(atHome.received).toBe(32);

    // Read by An Hòa's own leader: the ranking of the communes of the province it is in.
    const { serviceIndexRanking: ranking } = await suite.api.ok<{
      serviceIndexRanking: {
        rank: number;
        agencyCode: string;
        agencyName: string;
        points: number;
        groups: {
          id: string;
          indicators: { id: string; numerator: number | null; denominator: number | null }[];
        }[];
      }[];
    }>(
      `{ serviceIndexRanking(from: "2024-01-01", to: "2024-06-30", provinceCode: "tinh-x", kind: "commune") {
           rank agencyCode agencyName points
           groups { id indicators { id numerator denominator points } } } }`,
      {},
      anHoaLeader,
    );
    expect(ranking.map((row) => [row.rank, row.agencyCode])).toEqual([
      [1, 'hoa-binh'],
      [2, 'tan-lap'],
      [3, 'an-hoa'],
      [4, 'thanh-son'],
      [5, 'binh-minh'],
    ]);
    const third = ranking[2];
    expect(third.agencyName).toBe('UBND xã An Hòa');
    const indicator = (id: string) =>
      third.groups.flatMap((group) => group.indicators).find((i) => i.id === id);
    // 20 for 157 of 157 on time, 12 × 45/157 fully online, 4 × 77/157 digitized, and the 18 of
    // satisfaction (no feedback, no complaint); nothing recorded by hand.
    expect(indicator('ON_TIME')).toMatchObject({ numerator: 157, denominator: 157 });
    expect(indicator('FULL_ONLINE')).toMatchObject({ numerator: 45, denominator: 157 });
    expect(indicator('DIGITIZED')).toMatchObject({ numerator: 77, denominator: 157 });
    expect(third.points).toBeCloseTo(20 + (12 * 45) / 157 + (4 * 77) / 157 + 18, 10);
  });

  it('gives Lục Yên 3,590 of 3,879 online (92.55%), the district 1,492/1,496 on time (99.73%), its communes 13,895/13,901: 99.96%, not the 99.95% printed', async () => {
    const H1 = `from: "2024-01-01", to: "2024-06-30"`;
    const { agencies } = await suite.api.ok<{
      agencies: { code: string; parentCode: string | null }[];
    }>(`{ agencies { code parentCode } }`, {}, admin);
    const communes = agencies.filter((a) => a.parentCode === 'luc-yen').map((a) => a.code);
    expect(communes).toEqual(['an-phu', 'khanh-thien', 'minh-xuan', 'tan-linh']);

    const [district] = await metrics(`agencyCodes: ["luc-yen"], ${H1}`);
    expect(district).toMatchObject({
      received: 1496,
      resolved: 1496,
      onTime: 1492,
      resolvedLate: 4,
    });
    expect(Math.round(Number(district.onTimeRate) * 10_000) / 100).toBe(99.73);

    const [theCommunes] = await metrics(`agencyCodes: ${JSON.stringify(communes)}, ${H1}`);
    expect(theCommunes).toMatchObject({ resolved: 13901, onTime: 13895, resolvedLate: 6 });
    // 13,895 / 13,901 = 0.999568…: 99.96%. The article printed 99.95%.
    expect(Math.round(Number(theCommunes.onTimeRate) * 10_000) / 100).toBe(99.96);

    // "3,879 received, 3,590 of them online": the district and its communes resolved 15,397 in
    // the half-year, so the 3,879 can only be the dossiers of the procedures offered online (the
    // 766 online indicator's "procedures with dossiers"); 3,590 of those came online: 92.55%.
    const everyone = JSON.stringify(['luc-yen', ...communes]);
    const [all] = await metrics(`agencyCodes: ${everyone}, ${H1}`);
    expect(all.received).toBe(15397);
    const [offeredOnline] = await metrics(
      `agencyCodes: ${everyone}, procedureKey: "fixture-online", ${H1}`,
    );
    const online = Number(offeredOnline.onlineFull) + Number(offeredOnline.onlinePartial);
    expect([offeredOnline.received, online]).toEqual([3879, 3590]);
    expect(percent(online, 3879)).toBe(92.55);
  });

  it('groups the three offices side by side, and by month', async () => {
    const byAgency = await metrics(
      `agencyCodes: ["duong-phong", "minh-xuan", "xuan-hoa"], from: "2023-01-01", to: "2025-12-31"`,
      `, groupBy: [AGENCY]`,
    );
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
    // Its 45 online dossiers are of the procedure offered online, the rest of the other.
    expect(mixed.dossierMetrics).toEqual([
      { received: 326, onTime: 325 },
      { received: 45, onTime: 45 },
    ]);
  });
});
