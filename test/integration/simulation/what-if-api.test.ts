import { readFileSync } from 'node:fs';
import { officeCalendar } from '../../../src/store/calendars';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { livePast } from '../../support/office-replay';
import { REVIEW_FIXTURE } from '../../support/what-if';

/** The what-if over GraphQL: a commune's four past weeks, then the four to come. */
describe('whatIf', () => {
  // Monday 2 February 2026, 09:00 in Hanoi: four weeks of work lie behind.
  const clock = { now: new Date('2026-02-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const xml = readFileSync(REVIEW_FIXTURE, 'utf8');
  let definitionId: string;

  const FIELDS = `processKey observedDossiers dossiers results resultsWithinWeeks unfinished failed unservedTasks timed onTimeRate timeToResultP50Hours timeToResultP90Hours
    steps { elementId name meanQueue maxQueue meanWaitMinutes }
    days { date arrivals results steps { elementId queue meanWaitMinutes } }`;
  const whatIf = (scenarios: unknown[], extra: Record<string, unknown> = {}) =>
    suite.api.graphql<{ whatIf: Record<string, unknown>[] }>(
      `query ($scenarios: [WhatIfScenarioInput!]!, $weeks: Int!, $seed: Int!, $observedWeeks: Int!, $agencyCode: String) {
         whatIf(scenarios: $scenarios, weeks: $weeks, seed: $seed, observedWeeks: $observedWeeks, agencyCode: $agencyCode) { ${FIELDS} } }`,
      { scenarios, weeks: 4, seed: 3, observedWeeks: 4, ...extra },
    );

  beforeAll(async () => {
    const officers = { reception: ['r1'], civil_status: ['c1'], leader: ['l1'] };
    for (const [role, [name]] of Object.entries(officers)) await suite.api.officer(name, [role]);
    await suite.f.deploy(xml);
    const { processDefinitions } = await suite.api.ok(`{ processDefinitions { id key } }`);
    definitionId = processDefinitions.find((d: { key: string }) => d.key === 'what-if-review').id;
    const { store } = suite.api.database;
    await livePast(store, (await officeCalendar(store)).forAgency('xa-thu-nghiem'), {
      procedureKey: 'what-if-review',
      agency: { code: 'xa-thu-nghiem', name: 'UBND xã Thử Nghiệm', dossierPrefix: null },
      officers,
      perDay: [9, 8, 8, 7, 7],
      workMinutes: {
        Task_Receive: [5, 15],
        Task_Check: [20, 70],
        Task_Sign: [3, 10],
        Task_ReturnResult: [3, 8],
      },
      variables: (elementId, random): Record<string, boolean> =>
        elementId === 'Task_Check' ? { complete: random.chance(0.85) } : {},
      firstDay: '2026-01-05',
      weeks: 4,
      seed: 5,
    });
  }, 300_000);

  it('forecasts the weeks to come from the past ones, the same for the same seed', async () => {
    const first = await whatIf([{ processDefinitionId: definitionId }]);
    expect(first.errors).toBeUndefined();
    const [forecast] = first.data!.whatIf;
    expect(forecast.processKey).toBe('what-if-review');
    expect(forecast.dossiers).toBeGreaterThan(100);
    expect(forecast.days).toHaveLength(28);
    expect(forecast.days).toContainEqual(expect.objectContaining({ date: '2026-02-02' }));
    expect(forecast.steps).toContainEqual(
      expect.objectContaining({ elementId: 'Task_Check', name: 'Thẩm định hồ sơ' }),
    );
    expect((await whatIf([{ processDefinitionId: definitionId }])).data).toEqual(first.data);
    const other = await whatIf([{ processDefinitionId: definitionId }], { seed: 4 });
    expect(other.data).not.toEqual(first.data);
  });

  it('puts another staffing and a draft beside it, with the same seed', async () => {
    const { data, errors } = await whatIf([
      { processDefinitionId: definitionId },
      { bpmnXml: xml, staffing: [{ role: 'civil_status', officers: 3 }] },
    ]);
    expect(errors).toBeUndefined();
    const [as, more] = data!.whatIf as { dossiers: number; onTimeRate: number }[];
    // The same dossiers arrive in both: only the work differs.
    expect(more.dossiers).toBe(as.dossiers);
    expect(more.onTimeRate).toBeGreaterThan(as.onTimeRate);
  });

  it('says when the procedure has no history at the agency, rather than a silent 0', async () => {
    const unseen = xml.replace('id="what-if-review"', 'id="what-if-unseen"');
    const { data, errors } = await whatIf([{ bpmnXml: unseen }]);
    expect(errors).toBeUndefined();
    expect(data!.whatIf[0]).toMatchObject({ observedDossiers: 0, dossiers: 0 });
    const seen = await whatIf([{ processDefinitionId: definitionId }]);
    expect(seen.data!.whatIf[0].observedDossiers).toBeGreaterThan(100);
  });

  it.each([
    [
      'weeks out of range',
      [{ processDefinitionId: 'ID' }],
      { weeks: 27 },
      'BAD_USER_INPUT',
      'weeks',
    ],
    [
      'an unknown definition',
      [{ processDefinitionId: '00000000-0000-4000-8000-000000000000' }],
      {},
      'NOT_FOUND',
      'scenarios.0.processDefinitionId',
    ],
    [
      'an unknown definition beside a known one',
      [
        { processDefinitionId: 'ID' },
        { processDefinitionId: '00000000-0000-4000-8000-000000000000' },
      ],
      {},
      'NOT_FOUND',
      'scenarios.1.processDefinitionId',
    ],
    [
      'both a version and a draft',
      [{ processDefinitionId: 'ID', bpmnXml: 'x' }],
      {},
      'BAD_USER_INPUT',
      'scenarios.0',
    ],
    [
      'a role no step goes to',
      [{ processDefinitionId: 'ID', staffing: [{ role: 'police', officers: 2 }] }],
      {},
      'BAD_USER_INPUT',
      'scenarios.0.staffing.0.role',
    ],
    [
      'too many officers',
      [{ processDefinitionId: 'ID', staffing: [{ role: 'leader', officers: 51 }] }],
      {},
      'BAD_USER_INPUT',
      'scenarios.0.staffing.0.officers',
    ],
    [
      'three scenarios',
      [{ processDefinitionId: 'ID' }, { processDefinitionId: 'ID' }, { processDefinitionId: 'ID' }],
      {},
      'BAD_USER_INPUT',
      'scenarios',
    ],
    [
      'a draft that is no BPMN',
      [{ bpmnXml: '<nothing/>' }],
      {},
      'BPMN_INVALID',
      'scenarios.0.bpmnXml',
    ],
    [
      'a draft with no executable process',
      [{ bpmnXml: 'NOT_EXECUTABLE' }],
      {},
      'BPMN_INVALID',
      'scenarios.0.bpmnXml',
    ],
    [
      'a role staffed twice',
      [
        {
          processDefinitionId: 'ID',
          staffing: [
            { role: 'leader', officers: 1 },
            { role: 'leader', officers: 2 },
          ],
        },
      ],
      {},
      'BAD_USER_INPUT',
      'scenarios.0.staffing.1.role',
    ],
    [
      'an agency that does not exist',
      [{ processDefinitionId: 'ID' }],
      { agencyCode: 'xa-khong-co' },
      'NOT_FOUND',
      'agencyCode',
    ],
  ])('refuses %s, naming it, and changes nothing', async (_, scenarios, extra, code, field) => {
    const named = JSON.parse(
      JSON.stringify(scenarios)
        .replaceAll('"ID"', `"${definitionId}"`)
        .replaceAll(
          '"NOT_EXECUTABLE"',
          JSON.stringify(xml.replace('isExecutable="true"', 'isExecutable="false"')),
        ),
    );
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const { errors } = await whatIf(named, extra);
    expect(errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });
});
