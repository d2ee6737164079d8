import { workNextTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { FIXTURE_PROCEDURE } from '../../support/seed-fixtures';

/** The 766 rules behind the figures: paused time removed, a second supplement request late. */
describe('dossierMetrics', () => {
  // Monday 2 March 2026, 08:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const at = (iso: string) => (clock.now = new Date(iso));
  const as =
    (who: string) =>
    (query: string, variables = {}) =>
      suite.api.ok<Record<string, any>>(query, variables, tokens[who]);

  const receive = async () =>
    (
      await as('reception')(
        `mutation { receiveDossier(input: { procedureKey: "fixture-certificate", applicant: { name: "Trần Thị B", idNumber: "001190000002" }, components: [{ name: "Tờ khai", kind: ORIGINAL }] }) { code appointmentAt } }`,
      )
    ).receiveDossier;
  const supplement = async (code: string, askedAt: string, backAt: string) => {
    at(askedAt);
    await as('reception')(
      `mutation ($code: String!) { requestSupplement(code: $code, missing: ["Giấy tờ tùy thân"], reason: "Thiếu") { code } }`,
      { code },
    );
    at(backAt);
    await as('reception')(
      `mutation ($code: String!) { submitSupplement(code: $code, components: [{ name: "Giấy tờ tùy thân", kind: ORIGINAL }]) { code } }`,
      { code },
    );
  };
  const resolve = async (code: string, when: string) => {
    at(when);
    await workNextTask(suite.api, code, tokens.civil);
    return (
      await as('civil')(
        `query ($code: String!) { dossier(code: $code) { outcome processingMinutes appointmentAt } }`,
        { code },
      )
    ).dossier;
  };

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('motcua', ['reception'], 'xa-a');
    tokens.civil = await suite.api.officer('hotich', ['civil_status'], 'xa-a');
    tokens.leader = await suite.api.officer('chutich', ['leader'], 'xa-a');
    tokens.elsewhere = await suite.api.officer('chutich.b', ['leader'], 'xa-b');
    await suite.f.deploy(FIXTURE_PROCEDURE);
  });

  it('removes the paused time: finished after the first appointment but within the moved one is on time', async () => {
    at('2026-03-02T01:00:00Z');
    const { code, appointmentAt } = await receive();
    // Due Thursday 08:00; papers asked Monday 09:00 and brought Wednesday 09:00: two working
    // days paused, due the next Monday 08:00.
    expect(appointmentAt).toBe('2026-03-05T01:00:00.000Z');
    await supplement(code, '2026-03-02T02:00:00Z', '2026-03-04T02:00:00Z');
    const done = await resolve(code, '2026-03-06T02:00:00Z');
    expect(done.outcome).toBe('EARLY');
    // Monday 08:00 to Friday 09:00 is 1,920 working minutes (Monday's hours are longer), less
    // the 960 paused from Monday 09:00 to Wednesday 09:00.
    expect(done.processingMinutes).toBe(960);
  });

  it('counts a dossier sent back for papers twice as late, however fast', async () => {
    at('2026-03-09T01:00:00Z');
    const { code } = await receive();
    await supplement(code, '2026-03-09T02:00:00Z', '2026-03-09T03:00:00Z');
    await supplement(code, '2026-03-09T04:00:00Z', '2026-03-09T06:00:00Z');
    expect((await resolve(code, '2026-03-09T08:00:00Z')).outcome).toBe('LATE');
  });

  it('gives the p90 processing time as the upper bound of its bucket, from the rollup or the dossiers alike', async () => {
    // Resolved in 210 working minutes (3.5 hours: bucket up to 4 hours) and 960 (16 hours:
    // bucket up to 16 hours, 2 working days): nine in ten within 2 days.
    const p90 = async (groupBy: string) =>
      (
        await as('leader')(
          `{ dossierMetrics(filter: { from: "2026-03-01", to: "2026-03-09" }, groupBy: ${groupBy}) { p90ProcessingDays averageProcessingDays } }`,
        )
      ).dossierMetrics;
    expect(await p90('[]')).toEqual([
      { p90ProcessingDays: 2, averageProcessingDays: (210 + 960) / 2 / 480 },
    ]);
    expect(await p90('[PROCEDURE]')).toEqual(await p90('[AGENCY]'));
    expect((await p90('[PROCEDURE]'))[0].p90ProcessingDays).toBe(2);
  });

  it("counts an open dossier past its appointment as overdue, and shows an officer's own agency only", async () => {
    at('2026-03-10T01:00:00Z');
    await receive();
    at('2026-03-20T01:00:00Z');
    const { dossierMetrics } = await as('leader')(
      `{ dossierMetrics(filter: { from: "2026-03-01", to: "2026-03-31" }) {
          received resolved resolvedEarly resolvedLate inProgress inProgressOverdue onTime onTimeRate } }`,
    );
    expect(dossierMetrics).toEqual([
      {
        received: 3,
        resolved: 2,
        resolvedEarly: 1,
        resolvedLate: 1,
        inProgress: 1,
        inProgressOverdue: 1,
        onTime: 1,
        onTimeRate: 1 / 3,
      },
    ]);
    expect(
      (await as('elsewhere')(`{ dossierMetrics(filter: { from: "2026-03-01" }) { received } }`))
        .dossierMetrics,
    ).toEqual([]);
    const refused = await suite.api.graphql(
      `{ dossierMetrics(filter: { agencyCodes: ["xa-a"] }) { received } }`,
      {},
      tokens.elsewhere,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'filter.agencyCodes',
    });
  });
});
