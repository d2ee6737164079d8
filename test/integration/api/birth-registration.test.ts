import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestApi, type TestApi } from '../../support/api';

const BPMN = readFileSync(
  path.resolve(__dirname, '../../../processes/civil-status/birth-registration.bpmn'),
  'utf8',
);

const TASK_FIELDS =
  'id elementId name candidateGroups assignee state processInstance { id businessKey }';

/**
 * The walking skeleton end to end, over HTTP: deploy the birth registration (1.001193), start two
 * dossiers, work both through the officers' inbox, one straight through and one sent back for a
 * supplement, and read their history.
 */
describe('birth registration over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  async function inbox(candidateGroup: string, businessKey: string, token: string) {
    const data = await api.ok(
      `query ($filter: TaskFilter) { tasks(filter: $filter) { totalCount edges { node { ${TASK_FIELDS} } } } }`,
      { filter: { candidateGroup, businessKey, state: 'OPEN' } },
      token,
    );
    return data.tasks.edges.map((edge: { node: unknown }) => edge.node);
  }

  /** The officer of `role` finds the dossier's one open task, claims it and completes it. */
  async function work(
    role: string,
    officer: string,
    businessKey: string,
    variables?: Record<string, unknown>,
  ) {
    const token = await api.officer(officer, [role]);
    const [task, ...others] = await inbox(role, businessKey, token);
    expect(others).toHaveLength(0);
    expect(task.candidateGroups).toEqual([role]);
    const claimed = await api.ok(
      `mutation ($id: ID!) { claimTask(id: $id) { ${TASK_FIELDS} } }`,
      { id: task.id },
      token,
    );
    expect(claimed.claimTask).toMatchObject({ state: 'CLAIMED', assignee: officer });
    const done = await api.ok(
      `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { ${TASK_FIELDS} } }`,
      { id: task.id, v: variables },
      token,
    );
    expect(done.completeTask).toMatchObject({ state: 'COMPLETED', assignee: officer });
    return task.elementId as string;
  }

  async function instance(id: string) {
    const data = await api.ok(
      `query ($id: ID!) { processInstance(id: $id) {
         id businessKey status variables endedAt
         definition { key version procedureCode }
         openTasks { elementId }
         history { eventType elementId elementType actor taskId }
       } }`,
      { id },
    );
    return data.processInstance;
  }

  it('deploys, starts two dossiers, takes both gateway branches and ends both with their history', async () => {
    const deployed = await api.ok(
      `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id changed definitions { id key version name procedureCode } warnings { message elementId } } }`,
      { xml: BPMN },
    );
    expect(deployed.deployProcess).toMatchObject({
      changed: true,
      definitions: [
        {
          key: 'birth-registration',
          version: 1,
          name: 'Đăng ký khai sinh',
          procedureCode: '1.001193',
        },
      ],
      warnings: [],
    });

    const start = `mutation ($key: String!, $bk: String) { startProcess(key: $key, businessKey: $bk) { id businessKey status } }`;
    const first = (
      await api.ok(start, { key: 'birth-registration', bk: '000.00.06.H56-260302-0001' })
    ).startProcess;
    const second = (
      await api.ok(start, { key: 'birth-registration', bk: '000.00.06.H56-260302-0002' })
    ).startProcess;
    expect(first.status).toBe('ACTIVE');
    expect(second.id).not.toBe(first.id);

    // Reception sees both dossiers in its inbox.
    const reception = await api.ok(
      `{ tasks(filter: { candidateGroup: "reception", state: OPEN }) { totalCount edges { node { elementId processInstance { businessKey } } } } }`,
    );
    expect(reception.tasks.totalCount).toBe(2);
    expect(
      reception.tasks.edges.map((e: any) => e.node.processInstance.businessKey).sort(),
    ).toEqual(['000.00.06.H56-260302-0001', '000.00.06.H56-260302-0002']);

    // The first dossier is complete: straight to the leader's signature.
    const a = first.businessKey;
    expect(await work('reception', 'le.tiepnhan', a)).toBe('Task_Receive');
    expect(await work('civil_status', 'tran.hotich', a, { complete: true })).toBe('Task_Check');
    expect(await work('leader', 'nguyen.chutich', a)).toBe('Task_Sign');
    expect(await work('reception', 'le.tiepnhan', a)).toBe('Task_ReturnResult');

    // The second needs a supplement: back to reception, then checked again.
    const b = second.businessKey;
    await work('reception', 'le.tiepnhan', b);
    await work('civil_status', 'tran.hotich', b, { complete: false });
    expect(await work('reception', 'le.tiepnhan', b)).toBe('Task_Receive');
    await work('civil_status', 'tran.hotich', b, { complete: true });
    await work('leader', 'nguyen.chutich', b);
    await work('reception', 'le.tiepnhan', b);

    const endedA = await instance(first.id);
    expect(endedA).toMatchObject({
      status: 'COMPLETED',
      variables: { complete: true },
      openTasks: [],
      definition: { key: 'birth-registration', version: 1, procedureCode: '1.001193' },
    });
    expect(endedA.endedAt).not.toBeNull();
    const steps = (events: any[]) =>
      events.map((e) => `${e.eventType} ${e.elementId}${e.actor ? ` by ${e.actor}` : ''}`);
    expect(steps(endedA.history)).toEqual([
      'PROCESS_STARTED birth-registration by tester',
      'ELEMENT_ACTIVATED StartEvent_Submitted',
      'ELEMENT_COMPLETED StartEvent_Submitted',
      'SEQUENCE_FLOW_TAKEN Flow_Submitted',
      'ELEMENT_ACTIVATED Gateway_Receive',
      'ELEMENT_COMPLETED Gateway_Receive',
      'SEQUENCE_FLOW_TAKEN Flow_ToReceive',
      'ELEMENT_ACTIVATED Task_Receive',
      'TASK_CLAIMED Task_Receive by le.tiepnhan',
      'ELEMENT_COMPLETED Task_Receive by le.tiepnhan',
      'SEQUENCE_FLOW_TAKEN Flow_ToCheck',
      'ELEMENT_ACTIVATED Task_Check',
      'TASK_CLAIMED Task_Check by tran.hotich',
      'ELEMENT_COMPLETED Task_Check by tran.hotich',
      'SEQUENCE_FLOW_TAKEN Flow_Checked',
      'ELEMENT_ACTIVATED Gateway_Complete',
      'ELEMENT_COMPLETED Gateway_Complete',
      'SEQUENCE_FLOW_TAKEN Flow_Complete',
      'ELEMENT_ACTIVATED Task_Sign',
      'TASK_CLAIMED Task_Sign by nguyen.chutich',
      'ELEMENT_COMPLETED Task_Sign by nguyen.chutich',
      'SEQUENCE_FLOW_TAKEN Flow_Signed',
      'RESULT_READY Task_ReturnResult',
      'ELEMENT_ACTIVATED Task_ReturnResult',
      'TASK_CLAIMED Task_ReturnResult by le.tiepnhan',
      'ELEMENT_COMPLETED Task_ReturnResult by le.tiepnhan',
      'SEQUENCE_FLOW_TAKEN Flow_Returned',
      'ELEMENT_ACTIVATED EndEvent_Returned',
      'ELEMENT_COMPLETED EndEvent_Returned',
      'PROCESS_COMPLETED birth-registration',
    ]);

    // Every event of a user task names its task, from creation to completion (the result
    // reaching the desk there is the dossier's event, not the task's).
    const taskEvents = endedA.history.filter(
      (e: any) => e.elementType === 'userTask' && e.eventType !== 'RESULT_READY',
    );
    expect(taskEvents.length).toBe(12);
    expect(taskEvents.every((e: any) => typeof e.taskId === 'string')).toBe(true);

    const endedB = await instance(second.id);
    expect(endedB.status).toBe('COMPLETED');
    const flowsB = endedB.history
      .filter((e: any) => e.eventType === 'SEQUENCE_FLOW_TAKEN')
      .map((e: any) => e.elementId);
    // Both branches of the gateway, in the order they were taken.
    expect(
      flowsB.filter((id: string) => id === 'Flow_NeedsSupplement' || id === 'Flow_Complete'),
    ).toEqual(['Flow_NeedsSupplement', 'Flow_Complete']);
    expect(endedB.history.at(-1)).toMatchObject({ eventType: 'PROCESS_COMPLETED' });
    expect(
      endedB.history.filter(
        (e: any) => e.eventType === 'ELEMENT_COMPLETED' && e.elementId === 'Task_Receive',
      ),
    ).toHaveLength(2);

    // Nothing is left in any inbox.
    const open = await api.ok(`{ tasks(filter: { state: OPEN }) { totalCount } }`);
    expect(open.tasks.totalCount).toBe(0);
  });
});
