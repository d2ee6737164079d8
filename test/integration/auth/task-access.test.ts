import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/**
 * What an officer may do to one task: the roles of the step in the step's agency, the officer it
 * is held by, the leader of the agency, and a leader's signature.
 */
describe('acting on a task', () => {
  const suite = apiSuite();
  const tokens: Record<string, string> = {};
  let instanceId = '';

  const codeOf = async (query: string, variables: Record<string, unknown>, token: string) =>
    (await suite.api.graphql(query, variables, token)).errors?.[0]?.extensions?.code ?? 'OK';
  const claim = (id: string, token: string) =>
    codeOf(`mutation ($id: ID!) { claimTask(id: $id) { id } }`, { id }, token);
  const complete = (id: string, token: string, variables?: Record<string, unknown>) =>
    codeOf(
      `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { id } }`,
      {
        id,
        v: variables,
      },
      token,
    );
  const assign = (id: string, assignee: string, token: string) =>
    codeOf(
      `mutation ($id: ID!, $a: String!) { assignTask(id: $id, assignee: $a) { id } }`,
      {
        id,
        a: assignee,
      },
      token,
    );
  const unclaim = (id: string, token: string) =>
    codeOf(`mutation ($id: ID!) { unclaimTask(id: $id) { id } }`, { id }, token);
  const openTask = async (elementId: string) => {
    const { processInstance } = await suite.api.ok(
      `query ($id: ID!) { processInstance(id: $id) { openTasks { id elementId assignee } } }`,
      { id: instanceId },
    );
    return processInstance.openTasks.find((t: { elementId: string }) => t.elementId === elementId);
  };

  beforeAll(async () => {
    const officer = (name: string, roles: string[], agency?: string) =>
      suite.api.officer(name, roles, agency);
    tokens.reception = await officer('le.tiepnhan', ['reception']);
    tokens.civil = await officer('tran.hotich', ['civil_status']);
    tokens.civil2 = await officer('pham.hotich', ['civil_status']);
    tokens.leader = await officer('nguyen.chutich', ['leader']);
    tokens.elsewhere = await officer('ho.tiepnhan', ['reception', 'civil_status'], 'xa-tan-lap');
    tokens.elsewhereLeader = await officer('vo.chutich', ['leader'], 'xa-tan-lap');
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    // Received at the commune's desk: the dossier and its steps belong to the commune.
    instanceId = (
      await suite.api.ok(
        `mutation { startProcess(key: "birth-registration", businessKey: "HS-ACCESS") { id } }`,
        {},
        tokens.reception,
      )
    ).startProcess.id;
  });

  it('lets only the roles of a step in its agency take it', async () => {
    const receive = await openTask('Task_Receive');
    const before = await snapshotDatabase(suite.api.database.dataSource);
    expect(await claim(receive.id, tokens.civil)).toBe('FORBIDDEN');
    expect(await claim(receive.id, tokens.elsewhere)).toBe('FORBIDDEN');
    expect(await complete(receive.id, tokens.elsewhere)).toBe('FORBIDDEN');
    expect(await assign(receive.id, 'le.tiepnhan', tokens.elsewhereLeader)).toBe('FORBIDDEN');
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    expect(await claim(receive.id, tokens.reception)).toBe('OK');
    expect(await complete(receive.id, tokens.reception)).toBe('OK');
  });

  it('shows each officer only the tasks and dossiers they reach', async () => {
    const visible = async (token: string) =>
      (
        await suite.api.ok(
          `{ tasks(filter: { businessKey: "HS-ACCESS" }) { edges { node { elementId state } } } }`,
          {},
          token,
        )
      ).tasks.edges.map((e: any) => `${e.node.elementId} ${e.node.state}`);
    expect(await visible(tokens.civil)).toEqual(['Task_Check OPEN']);
    // Completed by them: still theirs to see.
    expect(await visible(tokens.reception)).toEqual(['Task_Receive COMPLETED']);
    expect(await visible(tokens.leader)).toEqual(['Task_Receive COMPLETED', 'Task_Check OPEN']);
    expect(await visible(tokens.elsewhere)).toEqual([]);
    const dossier = await suite.api.graphql(
      `query ($id: ID!) { processInstance(id: $id) { id } }`,
      { id: instanceId },
      tokens.elsewhere,
    );
    expect(dossier.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', instanceId });
    // Nor may another commune take over the dossier's code (what the citizen looks up).
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const taken = await suite.api.graphql(
      `mutation { startProcess(key: "birth-registration", businessKey: "HS-ACCESS") { id } }`,
      {},
      tokens.elsewhere,
    );
    expect(taken.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'businessKey',
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    // Incidents are the administrators', even on a dossier the officer sees.
    const incidents = await suite.api.graphql(
      `query ($id: ID!) { processInstance(id: $id) { incidents { id } } }`,
      { id: instanceId },
      tokens.reception,
    );
    expect(incidents.errors?.[0]).toMatchObject({
      path: ['processInstance', 'incidents'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('lets the holder alone complete or give back a task, and the leader reassign it', async () => {
    const check = await openTask('Task_Check');
    expect(await claim(check.id, tokens.civil)).toBe('OK');
    expect(await complete(check.id, tokens.civil2, { complete: true })).toBe('FORBIDDEN');
    expect(await unclaim(check.id, tokens.civil2)).toBe('FORBIDDEN');
    expect(await assign(check.id, 'pham.hotich', tokens.civil)).toBe('FORBIDDEN');
    // An officer of another commune cannot be given the step.
    expect(await assign(check.id, 'ho.tiepnhan', tokens.leader)).toBe('BAD_USER_INPUT');
    expect(await assign(check.id, 'pham.hotich', tokens.leader)).toBe('OK');
    expect((await openTask('Task_Check')).assignee).toBe('pham.hotich');
    expect(await complete(check.id, tokens.civil, { complete: true })).toBe('FORBIDDEN');
    expect(await complete(check.id, tokens.civil2, { complete: true })).toBe('OK');
    const { processInstance } = await suite.api.ok(
      `query ($id: ID!) { processInstance(id: $id) { history { eventType elementId actor } } }`,
      { id: instanceId },
    );
    expect(
      processInstance.history
        .filter((e: any) => e.elementId === 'Task_Check' && e.eventType !== 'ELEMENT_ACTIVATED')
        .map((e: any) => `${e.eventType} ${e.actor}`),
    ).toEqual([
      'TASK_CLAIMED tran.hotich',
      'TASK_ASSIGNED nguyen.chutich',
      'ELEMENT_COMPLETED pham.hotich',
    ]);
  });

  it('lets only a leader complete a step that signs the result, even one delegated to them', async () => {
    const sign = await openTask('Task_Sign');
    expect(sign).toBeDefined();
    expect(await claim(sign.id, tokens.civil)).toBe('FORBIDDEN');
    // The leader hands the signing step to an officer: they hold it but cannot sign.
    expect(await assign(sign.id, 'tran.hotich', tokens.leader)).toBe('OK');
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const refused = await suite.api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: sign.id },
      tokens.civil,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/only a leader/),
      extensions: { code: 'FORBIDDEN', taskId: sign.id, elementId: 'Task_Sign' },
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    expect(await unclaim(sign.id, tokens.leader)).toBe('OK');
    expect(await claim(sign.id, tokens.leader)).toBe('OK');
    expect(await complete(sign.id, tokens.leader)).toBe('OK');
    expect((await openTask('Task_ReturnResult')).assignee).toBeNull();
  });
});
