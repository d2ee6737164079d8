import { createTestApi, type TestApi } from '../../support/api';
import { bpmnProcess } from '../../support/bpmn';
import { readProjectFile } from '../../support/models';

const TASKS = `query ($filter: TaskFilter, $first: Int, $after: String) {
  tasks(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id elementId state assignee candidateGroups processInstance { businessKey } } }
  } }`;

describe('the task inbox', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    for (const file of [
      'processes/civil-status/birth-registration.bpmn',
      'test/fixtures/parallel-review.bpmn',
    ]) {
      await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
        xml: readProjectFile(file),
      });
    }
    for (let n = 1; n <= 5; n++) {
      await api.ok(
        `mutation ($bk: String) { startProcess(key: "birth-registration", businessKey: $bk) { id } }`,
        {
          bk: `H56-260302-000${n}`,
        },
      );
    }
  });
  afterAll(() => api.close());

  const tasks = async (variables: Record<string, unknown>) =>
    (await api.ok(TASKS, variables)).tasks;

  it('pages through tasks in creation order with opaque cursors', async () => {
    const page1 = await tasks({ filter: { candidateGroup: 'reception' }, first: 2 });
    expect(page1.totalCount).toBe(5);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.edges.map((e: any) => e.node.processInstance.businessKey)).toEqual([
      'H56-260302-0001',
      'H56-260302-0002',
    ]);
    const page2 = await tasks({
      filter: { candidateGroup: 'reception' },
      first: 2,
      after: page1.pageInfo.endCursor,
    });
    expect(page2.edges.map((e: any) => e.node.processInstance.businessKey)).toEqual([
      'H56-260302-0003',
      'H56-260302-0004',
    ]);
    expect(page2.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: page2.edges[0].cursor,
    });
    const page3 = await tasks({
      filter: { candidateGroup: 'reception' },
      first: 2,
      after: page2.pageInfo.endCursor,
    });
    expect(page3.edges).toHaveLength(1);
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(page3.totalCount).toBe(5);
  });

  it('counts the total only when asked for, in a fragment too', async () => {
    const counted = await api.ok(
      `query { named: tasks(filter: { candidateGroup: "reception" }, first: 1) { ...total }
               inline: tasks(filter: { candidateGroup: "reception" }, first: 1) {
                 ... on TaskConnection { totalCount } } }
       fragment total on TaskConnection { totalCount }`,
    );
    expect(counted).toEqual({ named: { totalCount: 5 }, inline: { totalCount: 5 } });
    const uncounted = await api.ok(
      `{ tasks(filter: { candidateGroup: "reception" }, first: 1) { pageInfo { hasNextPage } } }`,
    );
    expect(uncounted.tasks).toEqual({ pageInfo: { hasNextPage: true } });
  });

  it('filters by role, assignee, state, process and dossier', async () => {
    const [first] = (await tasks({ filter: { businessKey: 'H56-260302-0001' } })).edges;
    await api.officer('le.tiepnhan', ['reception']);
    // The test officer leads the commune: they assign its tasks.
    await api.ok(`mutation ($id: ID!) { assignTask(id: $id, assignee: "le.tiepnhan") { id } }`, {
      id: first.node.id,
    });

    expect((await tasks({ filter: { assignee: 'le.tiepnhan' } })).totalCount).toBe(1);
    expect((await tasks({ filter: { state: 'CLAIMED' } })).totalCount).toBe(1);
    expect(
      (await tasks({ filter: { state: 'OPEN', candidateGroup: 'reception' } })).totalCount,
    ).toBe(4);
    expect((await tasks({ filter: { candidateGroup: 'leader' } })).totalCount).toBe(0);
    expect(
      (await tasks({ filter: { processDefinitionKey: 'birth-registration' } })).totalCount,
    ).toBe(5);
    expect((await tasks({ filter: { processDefinitionKey: 'parallel-review' } })).totalCount).toBe(
      0,
    );
    expect((await tasks({ filter: { candidateGroup: "reception' OR 1=1 --" } })).totalCount).toBe(
      0,
    );
  });

  it('lets the assignee give a task back, and someone else claim it', async () => {
    const [edge] = (await tasks({ filter: { businessKey: 'H56-260302-0002' } })).edges;
    const a = await api.officer('a.officer', ['reception']);
    const b = await api.officer('b.officer', ['reception']);
    const claim = `mutation ($id: ID!) { claimTask(id: $id) { state assignee } }`;
    const unclaim = `mutation ($id: ID!) { unclaimTask(id: $id) { state assignee } }`;
    const id = edge.node.id;
    await api.ok(claim, { id }, a);
    // Claiming again by the same officer changes nothing and is not an error.
    expect((await api.ok(claim, { id }, a)).claimTask).toEqual({
      state: 'CLAIMED',
      assignee: 'a.officer',
    });
    expect((await api.graphql(claim, { id }, b)).errors?.[0].extensions?.code).toBe(
      'TASK_ALREADY_CLAIMED',
    );
    expect((await api.ok(unclaim, { id }, a)).unclaimTask).toEqual({
      state: 'OPEN',
      assignee: null,
    });
    const again = await api.graphql(unclaim, { id }, a);
    expect(again.errors?.[0].extensions?.code).toBe('TASK_NOT_CLAIMED');
    expect((await api.ok(claim, { id }, b)).claimTask.assignee).toBe('b.officer');
  });

  it('gives a task drawn with an assignee straight to that officer, and finds tasks by named officer', async () => {
    await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml: bpmnProcess(
        'named',
        `<bpmn:startEvent id="s" />
         <bpmn:userTask id="direct" camunda:assignee="tran.hotich" camunda:formKey="forms/check" tthc:agency="UBND xã Xuân Hòa" />
         <bpmn:userTask id="pool" camunda:candidateUsers="le.a, le.b" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="direct" />
         <bpmn:sequenceFlow id="b" sourceRef="direct" targetRef="pool" />`,
      ),
    });
    const started = await api.ok(
      `mutation { startProcess(key: "named") { openTasks { id state assignee formKey agency claimedAt } } }`,
    );
    expect(started.startProcess.openTasks[0]).toMatchObject({
      state: 'CLAIMED',
      assignee: 'tran.hotich',
      formKey: 'forms/check',
      agency: 'UBND xã Xuân Hòa',
    });
    expect(started.startProcess.openTasks[0].claimedAt).not.toBeNull();
    // The step is another agency's, but it was drawn for this officer by name.
    await api.ok(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: started.startProcess.openTasks[0].id },
      await api.officer('tran.hotich', ['civil_status'], 'xa-xuan-hoa'),
    );
    expect(
      (await tasks({ filter: { candidateUser: 'le.b' } })).edges.map((e: any) => e.node.elementId),
    ).toEqual(['pool']);
  });

  it('runs parallel branches as separate tasks and joins them once', async () => {
    const started = await api.ok(
      `mutation { startProcess(key: "parallel-review", businessKey: "JOINT-1") { id openTasks { id elementId candidateGroups } } }`,
    );
    const open = started.startProcess.openTasks;
    expect(open.map((t: any) => t.elementId)).toEqual(['civilCheck', 'policeCheck']);
    expect(open[1].candidateGroups).toEqual(['police', 'residence']);
    // Both branches completed at the same moment: the join must fire exactly once.
    await Promise.all(
      open.map((t: any) =>
        api.ok(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: t.id }),
      ),
    );
    const after = await api.ok(
      `query ($id: ID!) { processInstance(id: $id) { status openTasks { elementId } history { eventType elementId } } }`,
      {
        id: started.startProcess.id,
      },
    );
    expect(after.processInstance.openTasks).toEqual([{ elementId: 'sign' }]);
    const joins = after.processInstance.history.filter(
      (e: any) => e.elementId === 'join' && e.eventType === 'ELEMENT_COMPLETED',
    );
    expect(joins).toHaveLength(1);
  });
});
