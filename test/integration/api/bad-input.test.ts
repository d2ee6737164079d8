import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../support/api';
import { snapshotDatabase } from '../../support/database';
import { bpmnProcess } from '../../support/bpmn';

const BIRTH = readFileSync(
  path.resolve(__dirname, '../../../processes/civil-status/birth-registration.bpmn'),
  'utf8',
);

/** A process whose gateway right after the start reads a variable that a start may not give. */
const ROUTED_AT_START = bpmnProcess(
  'routed-at-start',
  `<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
   <bpmn:exclusiveGateway id="route"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:exclusiveGateway>
   <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="route" />
   <bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="end"><bpmn:conditionExpression>= urgent</bpmn:conditionExpression></bpmn:sequenceFlow>`,
);

/**
 * Every refused call says why with a code and what it concerns, and leaves every table exactly
 * as it was.
 */
describe('bad input gets a clear error and changes nothing', () => {
  let api: TestApi;
  const ids: Record<string, string> = {};
  /** Officers of the commune besides the test officer, who leads it. */
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await createTestApi();
    await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml: BIRTH,
    });
    await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml: ROUTED_AT_START,
    });
    const started = await api.ok(
      `mutation { startProcess(key: "birth-registration", businessKey: "BAD-1") { id } }`,
    );
    ids.instance = started.startProcess.id;
    const task = async (elementId: string) => {
      const data = await api.ok(
        `{ tasks(filter: { businessKey: "BAD-1" }) { edges { node { id elementId state } } } }`,
      );
      return data.tasks.edges
        .map((e: any) => e.node)
        .find((t: any) => t.elementId === elementId && t.state !== 'COMPLETED').id;
    };
    ids.receive = await task('Task_Receive');
    await api.ok(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: ids.receive });
    ids.check = await task('Task_Check');
    tokens['tran.hotich'] = await api.officer('tran.hotich', ['civil_status']);
    tokens['pham.hotich'] = await api.officer('pham.hotich', ['civil_status']);
    await api.ok(`mutation ($id: ID!) { assignTask(id: $id, assignee: "tran.hotich") { id } }`, {
      id: ids.check,
    });
  });
  afterAll(() => api.close());

  const cases: {
    name: string;
    query: string;
    variables?: () => Record<string, unknown>;
    code: string;
    extensions?: Record<string, unknown>;
    message?: RegExp;
    /** Signed in as this officer rather than the test officer. */
    as?: string;
  }[] = [
    {
      name: 'malformed XML',
      query: `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`,
      variables: () => ({
        xml: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="p">\n</bpmn:definitions>',
      }),
      code: 'BPMN_INVALID',
      extensions: { line: 3 },
      message: /closing tag mismatch at line 3/,
    },
    {
      name: 'XML that is not BPMN',
      query: `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`,
      variables: () => ({ xml: '<note><to>Tove</to></note>' }),
      code: 'BPMN_INVALID',
      message: /root element must be <definitions> in the BPMN 2.0 namespace/,
    },
    {
      name: 'a script task, which the engine will not run',
      query: `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`,
      variables: () => ({
        xml: bpmnProcess(
          'scripted',
          `<bpmn:startEvent id="start" /><bpmn:scriptTask id="Script_1" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>`,
        ),
      }),
      code: 'BPMN_UNSUPPORTED',
      extensions: { elementId: 'Script_1' },
    },
    {
      name: 'an unknown process key',
      query: `mutation { startProcess(key: "no-such-procedure") { id } }`,
      code: 'NOT_FOUND',
      extensions: { key: 'no-such-procedure' },
    },
    {
      name: 'an unknown instance',
      query: `{ processInstance(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      code: 'NOT_FOUND',
      extensions: { instanceId: '00000000-0000-4000-8000-000000000000' },
    },
    {
      name: 'an instance id that is not an id',
      query: `{ processInstance(id: "42") { id } }`,
      code: 'NOT_FOUND',
    },
    {
      name: 'a task filter on an instance id that is not an id',
      query: `{ tasks(filter: { processInstanceId: "nope" }) { totalCount } }`,
      code: 'BAD_USER_INPUT',
      extensions: { field: 'filter.processInstanceId' },
    },
    {
      name: 'a dossier code longer than the store keeps',
      query: `mutation ($bk: String) { startProcess(key: "birth-registration", businessKey: $bk) { id } }`,
      variables: () => ({ bk: 'H'.repeat(256) }),
      code: 'BAD_USER_INPUT',
      extensions: { field: 'businessKey' },
    },
    {
      name: 'a NUL character inside variables',
      query: `mutation ($v: JSON) { startProcess(key: "birth-registration", variables: $v) { id } }`,
      variables: () => ({ v: { note: 'a\u0000b' } }),
      code: 'BAD_USER_INPUT',
      extensions: { field: 'variables' },
    },
    {
      name: 'a cursor beyond any task number',
      query: `query ($after: String) { tasks(after: $after) { totalCount } }`,
      variables: () => ({ after: Buffer.from('task:9999999999999999999').toString('base64url') }),
      code: 'BAD_USER_INPUT',
      extensions: { field: 'after' },
    },
    {
      name: 'an unknown task',
      query: `mutation { completeTask(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      code: 'NOT_FOUND',
      extensions: { taskId: '00000000-0000-4000-8000-000000000000' },
    },
    {
      name: 'a task id that is not an id',
      query: `mutation { claimTask(id: "'; DROP TABLE task; --") { id } }`,
      code: 'NOT_FOUND',
    },
    {
      name: 'completing a task that is already completed',
      query: `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      variables: () => ({ id: ids.receive }),
      code: 'TASK_NOT_OPEN',
      extensions: { elementId: 'Task_Receive' },
    },
    {
      name: 'claiming a task that is already completed',
      query: `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      variables: () => ({ id: ids.receive }),
      code: 'TASK_NOT_OPEN',
    },
    {
      name: 'claiming a task claimed by someone else',
      query: `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      variables: () => ({ id: ids.check }),
      as: 'pham.hotich',
      code: 'TASK_ALREADY_CLAIMED',
      extensions: { elementId: 'Task_Check' },
      message: /tran\.hotich/,
    },
    {
      name: 'completing a task someone else holds',
      query: `mutation ($id: ID!) { completeTask(id: $id, variables: { complete: true }) { id } }`,
      variables: () => ({ id: ids.check }),
      as: 'pham.hotich',
      code: 'FORBIDDEN',
      extensions: { elementId: 'Task_Check' },
      message: /tran\.hotich/,
    },
    {
      name: 'assigning a task to someone who is no officer',
      query: `mutation ($id: ID!) { assignTask(id: $id, assignee: "ai.do") { id } }`,
      variables: () => ({ id: ids.check }),
      code: 'BAD_USER_INPUT',
      extensions: { field: 'assignee' },
      message: /ai\.do/,
    },
    {
      name: 'a gateway condition that reads a variable that is not there',
      query: `mutation ($id: ID!) { completeTask(id: $id, variables: { note: "đã kiểm tra" }) { id } }`,
      variables: () => ({ id: ids.check }),
      as: 'tran.hotich',
      code: 'CONDITION_FAILED',
      extensions: { elementId: 'Gateway_Complete', flowId: 'Flow_Complete' },
      message: /Variable 'complete' not found/,
    },
    {
      name: 'a gateway condition that gives no boolean (a text compared with true)',
      query: `mutation ($id: ID!) { completeTask(id: $id, variables: { complete: "maybe" }) { id } }`,
      variables: () => ({ id: ids.check }),
      as: 'tran.hotich',
      code: 'CONDITION_FAILED',
      extensions: { elementId: 'Gateway_Complete', flowId: 'Flow_Complete' },
    },
    {
      name: 'a start whose first gateway cannot decide',
      query: `mutation { startProcess(key: "routed-at-start", businessKey: "BAD-2") { id } }`,
      code: 'CONDITION_FAILED',
      extensions: { elementId: 'route', flowId: 'f2' },
    },
    {
      name: 'a gateway where no condition holds and there is no default',
      query: `mutation { startProcess(key: "routed-at-start", businessKey: "BAD-3", variables: { urgent: false }) { id } }`,
      code: 'NO_FLOW_MATCHED',
      extensions: { elementId: 'route' },
    },
    {
      name: 'variables that are not an object',
      query: `mutation { startProcess(key: "birth-registration", variables: [1, 2]) { id } }`,
      code: 'BAD_USER_INPUT',
      extensions: { field: 'variables' },
    },
    {
      name: 'variables that are too large',
      query: `mutation ($v: JSON) { startProcess(key: "birth-registration", variables: $v) { id } }`,
      variables: () => ({ v: { blob: 'x'.repeat(300 * 1024) } }),
      code: 'BAD_USER_INPUT',
      extensions: { field: 'variables' },
    },
    {
      name: 'an empty assignee',
      query: `mutation ($id: ID!) { assignTask(id: $id, assignee: "  ") { id } }`,
      variables: () => ({ id: ids.check }),
      code: 'BAD_USER_INPUT',
      extensions: { field: 'assignee' },
    },
    {
      name: 'a page size out of range',
      query: `{ tasks(first: 0) { totalCount } }`,
      code: 'BAD_USER_INPUT',
      extensions: { field: 'first' },
    },
    {
      name: 'a cursor the API never gave out',
      query: `{ tasks(after: "bm90LWEtY3Vyc29y") { totalCount } }`,
      code: 'BAD_USER_INPUT',
      extensions: { field: 'after' },
    },
  ];

  it.each(cases)('$name → $code', async ({ query, variables, code, extensions, message, as }) => {
    const before = await snapshotDatabase(api.database.dataSource);
    const body = await api.graphql(query, variables?.(), as ? tokens[as] : undefined);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error.extensions).toMatchObject({ code, ...extensions });
    if (message) expect(error.message).toMatch(message);
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
  });

  it('leaves the dossier where it was after a failed condition, and lets it go on', async () => {
    const done = await api.ok(
      `mutation ($id: ID!) { completeTask(id: $id, variables: { complete: true }) { state } }`,
      { id: ids.check },
      tokens['tran.hotich'],
    );
    expect(done.completeTask.state).toBe('COMPLETED');
    const data = await api.ok(
      `query ($id: ID!) { processInstance(id: $id) { openTasks { elementId } } }`,
      { id: ids.instance },
    );
    expect(data.processInstance.openTasks).toEqual([{ elementId: 'Task_Sign' }]);
  });
});
