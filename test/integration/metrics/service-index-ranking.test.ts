import { apiSuite } from '../../support/flows';
import { buildFixtures, FIXTURE_PROCEDURE } from '../../support/seed-fixtures';

/**
 * A province's ranking on the 766 index: the agencies under it at any depth, ranked by the same
 * scores `serviceIndex` gives each, ties sharing a rank; and who may read it.
 */
describe("a province's ranking on the 766 index", () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const RANKING = `query ($province: String!, $kind: String) {
    serviceIndexRanking(from: "2026-03-01", to: "2026-03-31", provinceCode: $province, kind: $kind) {
      rank agencyCode agencyName agencyKind points
      groups { id points indicators { id numerator denominator points } } } }`;
  const ranking = async (province: string, kind?: string, who = 'admin') =>
    (
      await suite.api.ok<{
        serviceIndexRanking: {
          rank: number;
          agencyCode: string;
          agencyKind: string;
          points: number;
          groups: unknown[];
        }[];
      }>(RANKING, { province, kind }, tokens[who])
    ).serviceIndexRanking;
  const refusal = async (province: string, who: string) =>
    (await suite.api.graphql(RANKING, { province }, tokens[who])).errors?.[0]?.extensions;

  beforeAll(async () => {
    const agency = (code: string, kind: string, parentCode?: string) =>
      suite.api.ok(
        `mutation ($code: String!, $kind: String!, $parent: String) {
           createAgency(code: $code, name: $code, kind: $kind, parentCode: $parent) { code } }`,
        { code, kind, parent: parentCode },
      );
    // Province P: a district with three communes, a commune and a department directly under it.
    await agency('tinh-p', 'province');
    await agency('huyen-p', 'district', 'tinh-p');
    await agency('so-tu-phap-p', 'department', 'tinh-p');
    for (const code of ['xa-p1', 'xa-p2', 'xa-p3']) await agency(code, 'commune', 'huyen-p');
    await agency('xa-p4', 'commune', 'tinh-p');
    // Province Q, with one commune.
    await agency('tinh-q', 'province');
    await agency('xa-q1', 'commune', 'tinh-q');
    tokens.admin = await suite.api.officer('quan.tri', ['admin'], 'tinh-p');
    for (const code of ['huyen-p', 'xa-p3', 'xa-p4', 'xa-q1']) {
      tokens[code] = await suite.api.officer(`${code}.chutich`, ['leader'], code);
    }
    tokens.reception = await suite.api.officer('xa-p3.motcua.chinh', ['reception'], 'xa-p3');
    await suite.f.deploy(FIXTURE_PROCEDURE);
    const office = async (agencyCode: string) => ({
      agencyCode,
      reception: await suite.api.officer(`${agencyCode}.motcua`, ['reception'], agencyCode),
      processing: await suite.api.officer(`${agencyCode}.hotich`, ['civil_status'], agencyCode),
    });
    const day = '2026-03-02';
    await buildFixtures(suite.api, clock, [
      {
        // Two early, digitized: 20 + 4 + 18 = 42.
        ...(await office('xa-p1')),
        dossiers: [
          { day, outcome: 'EARLY', digitized: true },
          { day, outcome: 'EARLY', digitized: true },
        ],
      },
      {
        // The same: 42, a tie.
        ...(await office('xa-p2')),
        dossiers: [
          { day, outcome: 'EARLY', digitized: true },
          { day, outcome: 'EARLY', digitized: true },
        ],
      },
      {
        // One of two late: 20 × 1/2, and reception 6 × (1 − 1/2)/0.9, with 12 for feedback.
        ...(await office('xa-p3')),
        dossiers: [
          { day, outcome: 'EARLY' },
          { day, outcome: 'LATE' },
        ],
      },
      {
        // Two early, one digitized: 20 + 2 + 18 = 40.
        ...(await office('xa-p4')),
        dossiers: [
          { day, outcome: 'EARLY', digitized: true },
          { day, outcome: 'EARLY' },
        ],
      },
      { ...(await office('xa-q1')), dossiers: [{ day, outcome: 'EARLY', digitized: true }] },
    ]);
    clock.now = new Date('2026-03-31T10:00:00Z');
  });

  it('ranks every agency under the province, at any depth; equal points share a rank, by code', async () => {
    const rows = await ranking('tinh-p');
    expect(rows.map((row) => [row.rank, row.agencyCode, row.agencyKind])).toEqual([
      [1, 'xa-p1', 'commune'],
      [1, 'xa-p2', 'commune'],
      [3, 'xa-p4', 'commune'],
      [4, 'xa-p3', 'commune'],
      // No dossiers: only the 12 points of feedback (none came).
      [5, 'huyen-p', 'district'],
      [5, 'so-tu-phap-p', 'department'],
    ]);
    expect(rows.map((row) => row.points)).toEqual([
      expect.closeTo(42, 10),
      expect.closeTo(42, 10),
      expect.closeTo(40, 10),
      expect.closeTo(10 + (6 * 0.5) / 0.9 + 12, 10),
      expect.closeTo(12, 10),
      expect.closeTo(12, 10),
    ]);
  });

  it('ranks the agencies of one kind, or those under a district', async () => {
    const communes = await ranking('tinh-p', 'commune');
    expect(communes.map((row) => [row.rank, row.agencyCode])).toEqual([
      [1, 'xa-p1'],
      [1, 'xa-p2'],
      [3, 'xa-p4'],
      [4, 'xa-p3'],
    ]);
    const district = await ranking('huyen-p');
    expect(district.map((row) => [row.rank, row.agencyCode])).toEqual([
      [1, 'xa-p1'],
      [1, 'xa-p2'],
      [3, 'xa-p3'],
    ]);
  });

  it('gives each agency the score and figures serviceIndex gives it', async () => {
    for (const row of await ranking('tinh-p')) {
      const { serviceIndex } = await suite.api.ok(
        `query ($agency: String) { serviceIndex(from: "2026-03-01", to: "2026-03-31", agencyCode: $agency) {
           points groups { id points indicators { id numerator denominator points } } } }`,
        { agency: row.agencyCode },
        tokens.admin,
      );
      expect([row.agencyCode, row.points, row.groups]).toEqual([
        row.agencyCode,
        serviceIndex.points,
        serviceIndex.groups,
      ]);
    }
    const [first] = await ranking('tinh-p');
    const onTime = (first.groups as { indicators: { id: string }[] }[])
      .flatMap((group) => group.indicators)
      .find((indicator) => indicator.id === 'ON_TIME');
    expect(onTime).toEqual({ id: 'ON_TIME', numerator: 2, denominator: 2, points: 20 });
  });

  it("shows a leader their own province's and district's ranking, and refuses another's", async () => {
    expect((await ranking('tinh-p', 'commune', 'xa-p3')).map((row) => row.agencyCode)).toContain(
      'xa-p3',
    );
    expect(await ranking('huyen-p', undefined, 'xa-p3')).toHaveLength(3);
    // The district's leader ranks its communes.
    expect(await ranking('huyen-p', undefined, 'huyen-p')).toHaveLength(3);
    // A commune directly under the province is not under the district.
    expect(await refusal('huyen-p', 'xa-p4')).toMatchObject({
      code: 'FORBIDDEN',
      field: 'provinceCode',
    });
    expect(await refusal('tinh-p', 'xa-q1')).toMatchObject({
      code: 'FORBIDDEN',
      field: 'provinceCode',
    });
    // Administrators rank any province.
    expect((await ranking('tinh-q')).map((row) => row.agencyCode)).toEqual(['xa-q1']);
    // Only leaders and administrators: the desk sees its own agency's index, not the others'.
    expect(await refusal('tinh-p', 'reception')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal('tinh-nowhere', 'admin')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'provinceCode',
    });
  });

  it('ranks the provinces as a whole, and the communes of every province together', async () => {
    const NATIONAL = `query ($kind: String) {
      nationalRanking(from: "2026-03-01", to: "2026-03-31", kind: $kind) {
        rank agencyCode provinceCode points figures { received resolvedLate digitized onTimeRate } } }`;
    const national = async (kind?: string) =>
      (
        await suite.api.ok<{
          nationalRanking: { rank: number; agencyCode: string; provinceCode: string | null }[];
        }>(NATIONAL, { kind }, tokens.admin)
      ).nationalRanking;
    // Q: one early and digitized, 20 + 4 + 12 + 6 = 42. P as one agency: 7 of its 8 dossiers on
    // time, 5 digitized, and the reception 6 × (1 − 1/8)/0.9.
    expect(await national()).toEqual([
      {
        rank: 1,
        agencyCode: 'tinh-q',
        provinceCode: 'tinh-q',
        points: expect.closeTo(42, 10),
        figures: { received: 1, resolvedLate: 0, digitized: 1, onTimeRate: 1 },
      },
      {
        rank: 2,
        agencyCode: 'tinh-p',
        provinceCode: 'tinh-p',
        points: expect.closeTo(17.5 + 2.5 + 12 + (6 * 0.875) / 0.9, 10),
        figures: { received: 8, resolvedLate: 1, digitized: 5, onTimeRate: 7 / 8 },
      },
    ]);
    // Every commune, whatever its province (the test officer's stands under none).
    expect(
      (await national('commune')).map((row) => [row.rank, row.agencyCode, row.provinceCode]),
    ).toEqual([
      [1, 'xa-p1', 'tinh-p'],
      [1, 'xa-p2', 'tinh-p'],
      [1, 'xa-q1', 'tinh-q'],
      [4, 'xa-p4', 'tinh-p'],
      [5, 'xa-p3', 'tinh-p'],
      [6, 'xa-thu-nghiem', null],
    ]);
    const { errors } = await suite.api.graphql(NATIONAL, {}, tokens['xa-p3']);
    expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('makes an agency only under one that exists', async () => {
    const { errors } = await suite.api.graphql(
      `mutation { createAgency(code: "xa-lac", name: "Lạc", kind: "commune", parentCode: "huyen-khong-co") { code } }`,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentCode' });
    const { agencies } = await suite.api.ok<{ agencies: { code: string; parentCode: string }[] }>(
      `{ agencies { code parentCode } }`,
    );
    expect(agencies.find((a) => a.code === 'xa-p4')).toEqual({
      code: 'xa-p4',
      parentCode: 'tinh-p',
    });
    expect(agencies.some((a) => a.code === 'xa-lac')).toBe(false);
  });
});
