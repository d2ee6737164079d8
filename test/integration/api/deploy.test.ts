import { createTestApi, type TestApi } from '../../support/api';
import { bpmnProcess } from '../../support/bpmn';
import { readProjectFile } from '../../support/models';

const DEPLOY = `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) {
  id changed source definitions { id key version name deploymentId } warnings { message elementId rule } } }`;

const simple = (name: string) =>
  bpmnProcess(
    'simple',
    `<bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
     <bpmn:userTask id="work" name="${name}" camunda:candidateGroups="office"><bpmn:incoming>f</bpmn:incoming></bpmn:userTask>
     <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="work" />`,
    'name="Đơn giản"',
  );

describe('deploying versions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('creates a version only when the content changed', async () => {
    const first = (await api.ok(DEPLOY, { xml: simple('Xử lý') })).deployProcess;
    expect(first).toMatchObject({
      changed: true,
      source: null,
      definitions: [{ key: 'simple', version: 1 }],
    });
    expect(first.definitions[0].deploymentId).toBe(first.id);
    // Style advice from bpmnlint (labels, diagram shapes, end events) comes back with its rule.
    expect(first.warnings).toContainEqual({
      elementId: 'start',
      rule: 'bpmnlint/label-required',
      message: 'Element is missing label/name',
    });

    const again = (await api.ok(DEPLOY, { xml: simple('Xử lý') })).deployProcess;
    expect(again).toMatchObject({
      changed: false,
      id: first.id,
      definitions: [{ id: first.definitions[0].id, version: 1 }],
    });

    const second = (await api.ok(DEPLOY, { xml: simple('Xử lý hồ sơ') })).deployProcess;
    expect(second).toMatchObject({ changed: true, definitions: [{ key: 'simple', version: 2 }] });
    expect(second.id).not.toBe(first.id);

    const latest = await api.ok(`{ processDefinitions { key version name } }`);
    expect(latest.processDefinitions).toEqual([{ key: 'simple', version: 2, name: 'Đơn giản' }]);
    const all = await api.ok(`{ processDefinitions(key: "simple") { version } }`);
    expect(all.processDefinitions).toEqual([{ version: 2 }, { version: 1 }]);
  });

  it('starts the latest version, and running instances keep theirs', async () => {
    await api.ok(DEPLOY, {
      xml: readProjectFile('processes/civil-status/birth-registration.bpmn'),
    });
    const start = `mutation { startProcess(key: "simple") { id definition { version } openTasks { name } } }`;
    const onV2 = (await api.ok(start)).startProcess;
    expect(onV2).toMatchObject({
      definition: { version: 2 },
      openTasks: [{ name: 'Xử lý hồ sơ' }],
    });
    await api.ok(DEPLOY, { xml: simple('Phiên bản 3') });
    const onV3 = (await api.ok(start)).startProcess;
    expect(onV3).toMatchObject({
      definition: { version: 3 },
      openTasks: [{ name: 'Phiên bản 3' }],
    });
    const old = await api.ok(
      `query ($id: ID!) { processInstance(id: $id) { definition { version } openTasks { name } } }`,
      {
        id: onV2.id,
      },
    );
    expect(old.processInstance).toEqual({
      definition: { version: 2 },
      openTasks: [{ name: 'Xử lý hồ sơ' }],
    });

    const latest = await api.ok(`{ processDefinitions { key version } }`);
    expect(latest.processDefinitions).toEqual([
      { key: 'birth-registration', version: 1 },
      { key: 'simple', version: 3 },
    ]);
  });

  it('tells the procedure data a front-end shows: code, field, statutory time, papers', async () => {
    const data = await api.ok(
      `{ processDefinitions(key: "birth-registration") { procedureCode field statutoryDuration components { name kind count optional } } }`,
    );
    expect(data.processDefinitions[0]).toMatchObject({
      procedureCode: '1.001193',
      field: 'civil_status',
      statutoryDuration: 'within the working day',
    });
    expect(data.processDefinitions[0].components[0]).toEqual({
      name: 'Tờ khai đăng ký khai sinh',
      kind: 'ORIGINAL',
      count: 1,
      optional: false,
    });
  });

  it('gives back the BPMN XML each version was deployed from', async () => {
    const data = await api.ok(`{ processDefinitions(key: "simple") { version bpmnXml } }`);
    expect(data.processDefinitions.map((d: any) => d.version)).toEqual([3, 2, 1]);
    expect(data.processDefinitions[0].bpmnXml).toBe(simple('Phiên bản 3'));
    expect(data.processDefinitions[2].bpmnXml).toBe(simple('Xử lý'));
  });
});
