import { bpmnProcess } from '../../support/bpmn';
import { workNextTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';

/** Where dossiers pile up: each step's count, working time, lateness and queue. */
describe('stepMetrics', () => {
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
        `mutation { receiveDossier(input: { procedureKey: "two-steps", applicant: { name: "Đinh Văn E", idNumber: "001090000005" }, components: [] }) { code } }`,
      )
    ).receiveDossier.code as string;
  const work = (code: string, who: string) => workNextTask(suite.api, code, tokens[who]);
  const metrics = async (args = '') =>
    (
      await as('designer')(
        `{ stepMetrics(processDefinitionKey: "two-steps", from: "2026-03-01", to: "2026-03-31"${args}) {
            elementId name completed averageDays p90Days overdueShare waitingNow waitingOverdue bottleneck } }`,
      )
    ).stepMetrics;

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('motcua', ['reception'], 'xa-a');
    tokens.leader = await suite.api.officer('chutich', ['leader'], 'xa-a');
    tokens.designer = await suite.api.officer('thietke', ['designer'], 'xa-a');
    await suite.f.deploy(
      bpmnProcess(
        'two-steps',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" name="Kiểm tra" camunda:candidateGroups="reception" tthc:stepDuration="4 working hours" />
         <bpmn:userTask id="approve" name="Phê duyệt" camunda:candidateGroups="leader" tthc:stepDuration="1 working days" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
         <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="approve" />
         <bpmn:sequenceFlow id="c" sourceRef="approve" targetRef="end" />`,
        'tthc:statutoryDuration="3 working days"',
      ),
    );
    // Monday 2 March 08:00, three dossiers; checked within the hour.
    at('2026-03-02T01:00:00Z');
    const codes = [await receive(), await receive(), await receive()];
    at('2026-03-02T02:00:00Z');
    for (const code of codes) await work(code, 'reception');
    // Two approved on Tuesday 10:00, past the one-day budget; the third still waits on Friday.
    at('2026-03-03T03:00:00Z');
    await work(codes[0], 'leader');
    await work(codes[1], 'leader');
    at('2026-03-06T02:00:00Z');
  });

  it('counts each step, its working time and p90, its lateness and its queue, and marks the bottleneck', async () => {
    // Monday 09:00 to Tuesday 10:00: Monday's 09:00–11:30 and 13:30–17:00 (360), Tuesday's
    // 07:30–10:00 (150): 510 working minutes; its bucket ends at 12 hours (1.5 days).
    expect(await metrics()).toEqual([
      {
        elementId: 'check',
        name: 'Kiểm tra',
        completed: 3,
        averageDays: 60 / 480,
        p90Days: 60 / 480,
        overdueShare: 0,
        waitingNow: 0,
        waitingOverdue: 0,
        bottleneck: false,
      },
      {
        elementId: 'approve',
        name: 'Phê duyệt',
        completed: 2,
        averageDays: 510 / 480,
        p90Days: 1.5,
        overdueShare: 1,
        waitingNow: 1,
        waitingOverdue: 1,
        bottleneck: true,
      },
    ]);
  });

  it('counts steps completed at the same moment on different connections once each, across the shards', async () => {
    at('2026-03-09T01:00:00Z');
    const codes = await Promise.all(Array.from({ length: 8 }, receive));
    at('2026-03-09T02:00:00Z');
    await Promise.all(codes.map((code) => work(code, 'reception')));
    const [check] = await metrics();
    expect(check).toMatchObject({ elementId: 'check', completed: 11 });
    // Concurrent transactions hold different connections, so the count spread over the shards.
    const [{ shards }] = (await suite.api.database.dataSource.query(
      `SELECT count(DISTINCT shard)::int AS shards FROM step_rollup WHERE element_id = 'check' AND day = '2026-03-09'`,
    )) as { shards: number }[];
    expect(shards).toBeGreaterThan(1);
  });

  it('names the versions there are when asked for one that is not', async () => {
    const { errors } = await suite.api.graphql(
      `{ stepMetrics(processDefinitionKey: "two-steps", version: 7, from: "2026-03-01", to: "2026-03-31") { elementId } }`,
      {},
      tokens.designer,
    );
    expect(errors?.[0]).toMatchObject({
      message: "Process 'two-steps' has no version 7 (1 to 1)",
      extensions: { code: 'NOT_FOUND', field: 'version' },
    });
  });
});
