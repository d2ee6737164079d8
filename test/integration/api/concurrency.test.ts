import { createTestApi, type TestApi } from '../../support/api';
import { bpmnProcess } from '../../support/bpmn';
import { readProjectFile } from '../../support/models';

/** Officers and designers act at the same moment; the row locks keep the outcome whole. */
describe('concurrent calls', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml: readProjectFile('processes/civil-status/birth-registration.bpmn'),
    });
  });
  afterAll(() => api.close());

  const codes = (bodies: { errors?: { extensions?: Record<string, unknown> }[] }[]) =>
    bodies.map((body) => (body.errors ? String(body.errors[0].extensions?.code) : 'OK')).sort();

  it('lets exactly one of ten officers claim a task', async () => {
    const started = await api.ok(
      `mutation { startProcess(key: "birth-registration") { openTasks { id } } }`,
    );
    const [task] = started.startProcess.openTasks;
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, n) => api.officer(`officer.${n}`, ['reception'])),
    );
    const bodies = await Promise.all(
      tokens.map((token) =>
        api.graphql(`mutation ($id: ID!) { claimTask(id: $id) { id } }`, { id: task.id }, token),
      ),
    );
    expect(codes(bodies)).toEqual(['OK', ...Array(9).fill('TASK_ALREADY_CLAIMED')]);
  });

  it('completes a task once when ten completions arrive together', async () => {
    const started = await api.ok(
      `mutation { startProcess(key: "birth-registration") { id openTasks { id } } }`,
    );
    const [task] = started.startProcess.openTasks;
    const bodies = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.graphql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: task.id }),
      ),
    );
    expect(codes(bodies)).toEqual(['OK', ...Array(9).fill('TASK_NOT_OPEN')]);
    const after = await api.ok(
      `query ($id: ID!) { processInstance(id: $id) { openTasks { elementId } } }`,
      {
        id: started.startProcess.id,
      },
    );
    expect(after.processInstance.openTasks).toEqual([{ elementId: 'Task_Check' }]);
  });

  it('gives concurrent deployments of changed files distinct, gap-free versions', async () => {
    const files = Array.from({ length: 6 }, (_, n) =>
      bpmnProcess(
        'racing',
        `<bpmn:startEvent id="s${n}" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s${n}" targetRef="e" />`,
      ),
    );
    const bodies = await Promise.all(
      files.map((xml) =>
        api.graphql(
          `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { definitions { version } } }`,
          { xml },
        ),
      ),
    );
    expect(codes(bodies)).toEqual(Array(6).fill('OK'));
    const versions = bodies
      .map((body: any) => body.data.deployProcess.definitions[0].version)
      .sort();
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
