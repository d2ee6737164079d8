import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { workNextTask } from '../../support/dossiers';
import { FIXTURE_PROCEDURE, oneStepProcedure } from '../../support/seed-fixtures';

/**
 * The 766 index of one commune for March 2026, every indicator checked against points worked
 * out by hand from eight dossiers and what the administrator recorded.
 */
describe('the 766 service index', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const at = (iso: string) => (clock.now = new Date(iso));
  const call = (who: string, query: string, variables: Record<string, unknown> = {}) =>
    suite.api.ok<Record<string, any>>(query, variables, tokens[who]);
  const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

  const receive = async (
    procedureKey: string,
    options: { channel?: string; digitized?: boolean; reused?: boolean } = {},
  ): Promise<string> =>
    (
      await call(
        'reception',
        `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }`,
        {
          input: {
            procedureKey,
            channel: options.channel ?? 'IN_PERSON',
            applicant: { name: 'Phạm Văn C', idNumber: '001090000003', phone: '0912345678' },
            components: [
              {
                name: 'Tờ khai',
                kind: 'ORIGINAL',
                digitized: options.digitized ?? false,
                ...(options.reused && { reusedFrom: 'KHO-CA-NHAN' }),
              },
            ],
          },
        },
      )
    ).receiveDossier.code;
  const resolve = (code: string) => workNextTask(suite.api, code, tokens.civil);
  const pay = (code: string, amount: number, method: string) =>
    call(
      'reception',
      `mutation ($code: String!, $amount: Int!, $method: PaymentMethod!) { recordPayment(code: $code, amount: $amount, method: $method) { code } }`,
      { code, amount, method },
    );
  const hand = (code: string, electronic: boolean, electronicCopies = 0) =>
    call(
      'reception',
      `mutation ($code: String!, $e: Boolean!, $n: Int!) { returnResult(code: $code, electronic: $e, electronicCopies: $n) { code } }`,
      { code, e: electronic, n: electronicCopies },
    );
  const record = (indicator: string, numerator: number, denominator: number) =>
    call(
      'admin',
      `mutation ($i: RecordedIndicator!, $n: Int!, $d: Int!) { recordServiceIndicator(agencyCode: "xa-766", from: "2026-03-01", to: "2026-03-31", indicator: $i, numerator: $n, denominator: $d) { points } }`,
      { i: indicator, n: numerator, d: denominator },
    );
  const index = async (who = 'leader', agencyCode?: string) =>
    (
      await call(
        who,
        `query ($from: LocalDate!, $to: LocalDate!, $agency: String) { serviceIndex(from: $from, to: $to, agencyCode: $agency) {
           points groups { id max points indicators { id max source recorded numerator denominator ratio points } } } }`,
        { ...PERIOD, agency: agencyCode },
      )
    ).serviceIndex;

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('motcua', ['reception'], 'xa-766');
    tokens.civil = await suite.api.officer('hotich', ['civil_status'], 'xa-766');
    tokens.leader = await suite.api.officer('chutich', ['leader'], 'xa-766');
    tokens.admin = await suite.api.officer('quantri', ['admin'], 'tinh');
    tokens.other = await suite.api.officer('motcua.khac', ['reception'], 'xa-khac');
    await suite.f.deploy(
      oneStepProcedure(
        'online-cert',
        'tthc:field="civil_status" tthc:onlineService="full" tthc:feeAmount="=5000"',
      ),
    );
    await suite.f.deploy(
      oneStepProcedure('copy-cert', 'tthc:field="certification" tthc:feeAmount="=2000"'),
    );
    await suite.f.deploy(FIXTURE_PROCEDURE);

    // Monday 2 March, 08:00: eight dossiers come in.
    at('2026-03-02T01:00:00Z');
    const a = [
      await receive('online-cert', { channel: 'ONLINE_FULL', digitized: true, reused: true }),
      await receive('online-cert', { channel: 'ONLINE_FULL', digitized: true, reused: true }),
      await receive('online-cert', { channel: 'ONLINE_FULL', digitized: true }),
      await receive('online-cert', { digitized: true }),
    ];
    const b = [await receive('copy-cert', { digitized: true }), await receive('copy-cert')];
    await receive('fixture-certificate'); // still open on 31 March: overdue
    // 10:00: five resolved early, their fees paid (two by QR), results handed over.
    at('2026-03-02T03:00:00Z');
    for (const code of [...a, b[0]]) await resolve(code);
    await pay(a[0], 5000, 'QR');
    await pay(a[1], 5000, 'QR');
    await pay(a[2], 5000, 'CASH');
    await pay(a[3], 5000, 'CASH');
    await pay(b[0], 2000, 'CASH');
    await hand(a[0], true);
    await hand(a[1], true);
    await hand(a[2], true);
    await hand(a[3], false);
    await hand(b[0], true, 2);
    // Feedback on a[0], answered the next day; a[1] rated "not satisfied".
    at('2026-03-02T04:00:00Z');
    const { submitFeedback } = await suite.api.ok<Record<string, any>>(
      `mutation ($code: String!) { submitFeedback(code: $code, phoneLast4: "5678", content: "Chờ lâu") { id } }`,
      { code: a[0] },
    );
    await suite.api.ok(
      `mutation ($code: String!) { rateDossier(code: $code, phoneLast4: "5678", satisfied: false) { satisfied } }`,
      { code: a[1] },
    );
    at('2026-03-03T02:00:00Z');
    await call(
      'leader',
      `mutation ($id: ID!) { answerFeedback(id: $id, answer: "Đã xử lý") { id } }`,
      submitFeedback,
    );
    // Thursday 5 March, 10:00: b[1] resolved late, its feedback never answered.
    at('2026-03-05T03:00:00Z');
    await resolve(b[1]);
    await pay(b[1], 2000, 'CASH');
    await hand(b[1], false);
    await suite.api.ok(
      `mutation ($code: String!) { submitFeedback(code: $code, phoneLast4: "5678", content: "Trễ hẹn") { id } }`,
      { code: b[1] },
    );
    // Tuesday 31 March, 08:00: one more, within time at the end of the day.
    at('2026-03-31T01:00:00Z');
    await receive('fixture-certificate');
    // What the administrator recorded.
    await record('PUBLISHED_ON_TIME', 9, 10);
    await record('UPDATED_ON_TIME', 1, 2);
    await record('FULL_CONTENT_PUBLISHED', 1, 1);
    await record('PORTAL_SYNCHRONIZED', 7, 8);
    await record('FEES_INTEGRATED', 4, 5);
    await record('PERSONAL_DATA_STORE', 1, 1);
    await record('POPULATION_DB_PROCEDURES', 3, 4);
    await record('FEEDBACK_SATISFIED', 2, 3);
    at('2026-03-31T10:00:00Z');
  });

  it('scores every indicator as worked out by hand', async () => {
    const result = await index();
    const points = Object.fromEntries(
      result.groups.flatMap((g: any) => g.indicators.map((i: any) => [i.id, i.points])),
    );
    const expected: Record<string, number> = {
      // Publicity: 6 × 9/10, 4 × 1/2, 2 × 1, 6 × 7/8 (recorded: no portal acknowledged any).
      PUBLISHED_ON_TIME: 5.4,
      UPDATED_ON_TIME: 2,
      FULL_CONTENT_PUBLISHED: 2,
      PORTAL_SYNCHRONIZED: 5.25,
      // Progress: five early and one within time, of six resolved and two open: 20 × 6/8.
      ON_TIME: 15,
      // Online: three of the four dossiers of the full-online procedure: 12 × 3/4.
      FULL_ONLINE: 9,
      // Payment: 4/5 integrated is full (80%); one of two procedures with fees paid online,
      // 2 × 0.5/0.8; two of six dossiers with fees paid online, 6 × 1/3.
      FEES_INTEGRATED: 2,
      PROCEDURES_PAID_ONLINE: 1.25,
      DOSSIERS_PAID_ONLINE: 2,
      // Digitization: four of six results electronic, 6 × 4/6; five of eight digitized, 4 × 5/8;
      // one of two certification results with electronic copies, 2 × 1/2; two of eight reusing,
      // 2 × 0.25/0.8; recorded 1/1, none, 3/4.
      ELECTRONIC_RESULTS: 4,
      DIGITIZED: 2.5,
      ELECTRONIC_COPIES: 1,
      REUSE: 0.625,
      PERSONAL_DATA_STORE: 4,
      POPULATION_DB_DOSSIERS: 0,
      POPULATION_DB_PROCEDURES: 1.5,
      // Satisfaction: one of two feedbacks answered in time, 6 × 1/2; recorded 2/3; reception:
      // 1 − (2 late of 8 + 3 with feedback or "not satisfied" of 8) = 0.375, 6 × 0.375/0.9.
      FEEDBACK_ON_TIME: 3,
      FEEDBACK_SATISFIED: 4,
      RECEPTION_SATISFIED: 2.5,
    };
    expect(Object.keys(points).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, value] of Object.entries(expected)) {
      expect([id, points[id]]).toEqual([id, expect.closeTo(value, 10)]);
    }
    expect(result.groups.map((g: any) => [g.id, g.max])).toEqual([
      ['PUBLICITY', 18],
      ['PROGRESS', 20],
      ['ONLINE_SERVICE', 12],
      ['ONLINE_PAYMENT', 10],
      ['DIGITIZATION', 22],
      ['SATISFACTION', 18],
    ]);
    expect(result.points).toBeCloseTo(67.025, 10);
  });

  it('says which indicators were recorded by hand and which were not', async () => {
    const indicators = (await index()).groups.flatMap((g: any) => g.indicators);
    const byId = (id: string) => indicators.find((i: any) => i.id === id);
    expect(byId('PUBLISHED_ON_TIME')).toMatchObject({
      source: 'RECORDED',
      recorded: true,
      numerator: 9,
      denominator: 10,
    });
    expect(byId('POPULATION_DB_DOSSIERS')).toMatchObject({
      source: 'RECORDED',
      recorded: false,
      ratio: null,
      points: 0,
    });
    expect(byId('ON_TIME')).toMatchObject({ source: 'OBSERVED', numerator: 6, denominator: 8 });
  });

  it('gives full points for feedback when none came', async () => {
    at('2026-03-02T01:00:00Z');
    await suite.api.ok(
      `mutation { receiveDossier(input: { procedureKey: "fixture-certificate", applicant: { name: "Lê D", idNumber: "001090000004" }, components: [{ name: "Tờ khai", kind: ORIGINAL }] }) { code } }`,
      {},
      tokens.other,
    );
    at('2026-03-31T10:00:00Z');
    const other = await index('admin', 'xa-khac');
    const feedback = other.groups.find((g: any) => g.id === 'SATISFACTION').indicators;
    expect(feedback.slice(0, 2).map((i: any) => [i.id, i.points])).toEqual([
      ['FEEDBACK_ON_TIME', 6],
      ['FEEDBACK_SATISFIED', 6],
    ]);
  });

  it("refuses another agency's index to its officers, and a recorded value that cannot be", async () => {
    const refused = await suite.api.graphql(
      `{ serviceIndex(from: "2026-03-01", to: "2026-03-31", agencyCode: "xa-khac") { points } }`,
      {},
      tokens.leader,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'agencyCode',
    });
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const wrong = await suite.api.graphql(
      `mutation { recordServiceIndicator(agencyCode: "xa-766", from: "2026-03-01", to: "2026-03-31", indicator: PUBLISHED_ON_TIME, numerator: 11, denominator: 10) { points } }`,
      {},
      tokens.admin,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'numerator',
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });
});
