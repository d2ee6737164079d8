import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const FORM_FILE = 'processes/land/land-site-verification.form';
const PROCESS_FILE = 'processes/land/first-land-registration.bpmn';

const DEPLOY_FORM = `mutation ($schema: String!) {
  deployForm(schema: $schema) { changed form { formId version source } } }`;
const DEPLOY_BPMN = `mutation ($xml: String!) {
  deployProcess(bpmnXml: $xml) { warnings { elementId rule message } } }`;
const START = `mutation { startProcess(key: "first-land-registration") {
  id openTasks { id elementId } } }`;
const TASK_FORM = `query ($id: ID!) { tasks(filter: { processInstanceId: $id }) {
  edges { node { id elementId form { formId version schema } } } } }`;
const COMPLETE = `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { state } }`;

/** A complete, valid verification as the land officer fills it in. */
const VERIFIED = { mapSheet: 12, parcel: 345, area: 152.5, landUse: 'ONT', disputed: false };

describe('task forms (biểu mẫu nhập liệu): deployed beside the BPMN, shown and checked', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const later = () => (clock.now = new Date(clock.now.getTime() + 60_000));
  const api = () => suite.api;

  /** Starts a registration and completes its reception: the verification step waits. */
  const verificationTask = async (): Promise<{ id: string; instanceId: string }> => {
    const { startProcess } = await api().ok(START);
    await api().ok(COMPLETE, { id: startProcess.openTasks[0].id });
    const { processInstance } = await api().ok(
      `query ($id: ID!) { processInstance(id: $id) { openTasks { id elementId } } }`,
      { id: startProcess.id },
    );
    expect(processInstance.openTasks).toMatchObject([{ elementId: 'Task_Check' }]);
    return { id: processInstance.openTasks[0].id, instanceId: startProcess.id };
  };

  it('warns when a process names a form nobody deployed, and not once it is', async () => {
    const before = await api().ok(DEPLOY_BPMN, { xml: readProjectFile(PROCESS_FILE) });
    expect(before.deployProcess.warnings).toContainEqual({
      elementId: 'Task_Check',
      rule: 'engine/form',
      message: "'Task_Check' names the form 'land-site-verification', which is not deployed",
    });
    const deployed = await api().ok(DEPLOY_FORM, { schema: readProjectFile(FORM_FILE) });
    expect(deployed.deployForm).toEqual({
      changed: true,
      form: { formId: 'land-site-verification', version: 1, source: null },
    });
    const again = await api().ok(DEPLOY_FORM, { schema: readProjectFile(FORM_FILE) });
    expect(again.deployForm).toMatchObject({ changed: false, form: { version: 1 } });
    const after = await api().ok(DEPLOY_BPMN, {
      xml: readProjectFile(PROCESS_FILE).replace('Kiểm tra hồ sơ,', 'Kiểm tra hồ sơ, đo đạc,'),
    });
    expect(
      after.deployProcess.warnings.filter((w: { rule: string }) => w.rule === 'engine/form'),
    ).toEqual([]);
  });

  it.each([
    ['not JSON', '{ "id": ', 'schema'],
    ['no id', JSON.stringify({ components: [] }), 'id'],
    ['no components', JSON.stringify({ id: 'x' }), 'components'],
    [
      'a field without a key',
      JSON.stringify({ id: 'x', components: [{ type: 'textfield', label: 'Họ tên' }] }),
      'components[0]',
    ],
    [
      'a key used twice',
      JSON.stringify({
        id: 'x',
        components: [
          { type: 'textfield', key: 'name' },
          { type: 'number', key: 'name' },
        ],
      }),
      'name',
    ],
    [
      'a pattern that is not a regular expression',
      JSON.stringify({
        id: 'x',
        components: [{ type: 'textfield', key: 'code', validate: { pattern: '([a-z' } }],
      }),
      'code',
    ],
    ['too big', JSON.stringify({ id: 'x', components: [], pad: 'x'.repeat(600_000) }), 'schema'],
  ])(
    'refuses a form file with %s, naming the field, and writes nothing',
    async (_, text, field) => {
      const before = await snapshotDatabase(api().database.dataSource);
      const { errors } = await api().graphql(DEPLOY_FORM, { schema: text });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORM_INVALID', field });
      expect(errors?.[0]?.extensions?.userMessage).toMatch(/^Tệp biểu mẫu chưa hợp lệ/);
      expect(await snapshotDatabase(api().database.dataSource)).toEqual(before);
    },
  );

  it('gives a waiting task the form version current when it was created', async () => {
    const first = await verificationTask();
    later();
    const changed = JSON.parse(readProjectFile(FORM_FILE));
    changed.components.push({ type: 'textfield', key: 'surveyor', label: 'Người đo đạc' });
    const v2 = await api().ok(DEPLOY_FORM, { schema: JSON.stringify(changed) });
    expect(v2.deployForm.form.version).toBe(2);
    later();
    const second = await verificationTask();

    const formOf = async (task: { instanceId: string }) =>
      (await api().ok(TASK_FORM, { id: task.instanceId })).tasks.edges.find(
        (edge: { node: { elementId: string } }) => edge.node.elementId === 'Task_Check',
      ).node.form;
    expect(await formOf(first)).toMatchObject({ formId: 'land-site-verification', version: 1 });
    const current = await formOf(second);
    expect(current.version).toBe(2);
    expect(current.schema.components.at(-1)).toMatchObject({ key: 'surveyor' });
  });

  it.each([
    ['a required field missing', { ...VERIFIED, parcel: undefined }, 'parcel'],
    ['a number below its minimum', { ...VERIFIED, area: 0 }, 'area'],
    ['a number given as words', { ...VERIFIED, mapSheet: 'mười hai' }, 'mapSheet'],
    ['a choice not on the list', { ...VERIFIED, landUse: 'XYZ' }, 'landUse'],
    ['a shown field left empty', { ...VERIFIED, disputed: true }, 'disputeNote'],
    ['a shown field too short', { ...VERIFIED, disputed: true, disputeNote: 'có' }, 'disputeNote'],
    ['a note too long', { ...VERIFIED, siteNote: 'x'.repeat(2001) }, 'siteNote'],
  ])(
    'refuses completing with %s, naming the field and task, and changes nothing',
    async (_, data, field) => {
      const task = await verificationTask();
      const before = await snapshotDatabase(api().database.dataSource);
      const { errors } = await api().graphql(COMPLETE, { id: task.id, v: data });
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'FORM_INVALID',
        field,
        taskId: task.id,
        elementId: 'Task_Check',
      });
      expect(errors?.[0]?.extensions?.userMessage).toBe(
        `Biểu mẫu của công việc chưa điền đúng ở mục «${field}»; kiểm tra lại rồi gửi.`,
      );
      expect(await snapshotDatabase(api().database.dataSource)).toEqual(before);
    },
  );

  it('completes with a valid form, a hidden field not asked for, and keeps the data', async () => {
    const task = await verificationTask();
    const { completeTask } = await api().ok(COMPLETE, { id: task.id, v: VERIFIED });
    expect(completeTask.state).toBe('COMPLETED');
    const { processInstance } = await api().ok(
      `query ($id: ID!) { processInstance(id: $id) { variables } }`,
      { id: task.instanceId },
    );
    expect(processInstance.variables).toMatchObject(VERIFIED);

    const disputed = await verificationTask();
    const note = 'Hộ liền kề tranh chấp ranh giới phía Đông';
    await api().ok(COMPLETE, {
      id: disputed.id,
      v: { ...VERIFIED, disputed: true, disputeNote: note },
    });
  });

  it('leaves steps without a form to the fields the process needs', async () => {
    const task = await verificationTask();
    await api().ok(COMPLETE, { id: task.id, v: VERIFIED });
    const { tasks } = await api().ok(TASK_FORM, { id: task.instanceId });
    const sign = tasks.edges.find(
      (e: { node: { elementId: string } }) => e.node.elementId === 'Task_Sign',
    );
    expect(sign.node.form).toBeNull();
  });
});
