import { snapshotDatabase } from '../../support/database';
import { BIRTH_PAPERS, workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const HAND_ON = `mutation ($id: ID!, $agency: String!, $reason: String!) {
  handOnTask(id: $id, agency: $agency, reason: $reason) { state assignee agency } }`;
const MY_TASKS = `{ myTasks(first: 10) { edges { node { id elementId } } } }`;

/** An officer hands a step on to another agency (chuyển xử lý); the control sheet shows it. */
describe('handing a step on to another agency', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  let code: string;
  let checkId: string;

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status']);
    tokens.otherCivil = await suite.api.officer('vo.hotich', ['civil_status']);
    tokens.nextDoor = await suite.api.officer('dang.hotich', ['civil_status'], 'xa-ben-canh');
    tokens.nextDoorLeader = await suite.api.officer('ha.chutich', ['leader'], 'xa-ben-canh');
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: { procedureKey: "birth-registration", applicant: { name: "Ngô Thị Lan", idNumber: "001190099999", phone: "0912345678" }, components: ${BIRTH_PAPERS} }) { code } }`,
      {},
      tokens.reception,
    );
    code = receiveDossier.code;
    await workTask(suite.api, {
      code,
      elementId: 'Task_Receive',
      token: tokens.reception,
      reader: tokens.reception,
    });
    const { myTasks } = await suite.api.ok(MY_TASKS, {}, tokens.civil);
    checkId = myTasks.edges[0].node.id;
    await suite.api.ok(
      `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      { id: checkId },
      tokens.civil,
    );
  });

  const refusal = async (variables: Record<string, unknown>, token: string) => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const { errors } = await suite.api.graphql(HAND_ON, variables, token);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    return errors?.[0]?.extensions;
  };

  it('refuses an unknown agency, its own agency, no reason, or an officer who does not hold it', async () => {
    const ok = { id: checkId, agency: 'xa-ben-canh', reason: 'Người dân cư trú tại xã bên cạnh' };
    expect(await refusal({ ...ok, agency: 'xa-khong-co' }, tokens.civil)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agency',
      taskId: checkId,
    });
    expect(await refusal({ ...ok, agency: 'xa-thu-nghiem' }, tokens.civil)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agency',
    });
    expect(await refusal({ ...ok, reason: '  ' }, tokens.civil)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(await refusal(ok, tokens.otherCivil)).toMatchObject({
      code: 'FORBIDDEN',
      taskId: checkId,
    });
    expect(await refusal(ok, tokens.nextDoor)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('moves the step to the other agency, open to its officers of the same role, and writes the control sheet', async () => {
    clock.now = new Date('2026-03-02T03:00:00Z');
    const { handOnTask } = await suite.api.ok(
      HAND_ON,
      { id: checkId, agency: 'xa-ben-canh', reason: 'Người dân cư trú tại xã bên cạnh' },
      tokens.civil,
    );
    expect(handOnTask).toEqual({ state: 'OPEN', assignee: null, agency: 'xa-ben-canh' });
    const inbox = async (token: string) =>
      (await suite.api.ok(MY_TASKS, {}, token)).myTasks.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await inbox(tokens.civil)).not.toContain(checkId);
    expect(await inbox(tokens.nextDoor)).toContain(checkId);
    // The agency it went to reads the dossier; the one-stop desk that received it still acts on it.
    const read = await suite.api.graphql(
      `query ($code: String!) { dossier(code: $code) { code } }`,
      { code },
      tokens.nextDoor,
    );
    expect(read).toEqual({ data: { dossier: { code } } });
    const act = await suite.api.graphql(
      `mutation ($code: String!) { stopDossier(code: $code, reason: "thử") { code } }`,
      { code },
      tokens.nextDoorLeader,
    );
    expect(act.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    clock.now = new Date('2026-03-02T04:00:00Z');
    await suite.api.ok(
      `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      { id: checkId },
      tokens.nextDoor,
    );
    await suite.api.ok(
      `mutation ($id: ID!) { completeTask(id: $id, variables: { complete: true }) { id } }`,
      { id: checkId },
      tokens.nextDoor,
    );
    const { dossier } = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) {
         controlSheet { step agency giver receiver handedOverAt result note } } }`,
      { code },
      tokens.reception,
    );
    expect(dossier.controlSheet.slice(1, 3)).toEqual([
      {
        step: 'Thẩm định hồ sơ',
        agency: 'xa-thu-nghiem',
        giver: 'le.tiepnhan',
        receiver: 'tran.hotich',
        handedOverAt: '2026-03-02T03:00:00.000Z',
        result: 'ON_TIME',
        note: 'Người dân cư trú tại xã bên cạnh',
      },
      {
        step: 'Thẩm định hồ sơ',
        agency: 'xa-ben-canh',
        giver: 'tran.hotich',
        receiver: 'dang.hotich',
        handedOverAt: '2026-03-02T04:00:00.000Z',
        result: 'ON_TIME',
        note: null,
      },
    ]);
    const { dossier: withHistory } = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) {
         processInstance { history { eventType elementId actor } } } }`,
      { code },
    );
    expect(withHistory.processInstance.history).toContainEqual({
      eventType: 'TASK_HANDED_ON',
      elementId: 'Task_Check',
      actor: 'tran.hotich',
    });
  });

  it('lets a leader of the agency holding it hand it on, and not a leader elsewhere', async () => {
    const { dossier } = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) { processInstance { openTasks { id elementId } } } }`,
      { code },
      tokens.reception,
    );
    const [sign] = dossier.processInstance.openTasks;
    expect(sign.elementId).toBe('Task_Sign');
    const move = { id: sign.id, agency: 'xa-ben-canh', reason: 'Chủ tịch xã đi công tác' };
    expect(await refusal(move, tokens.nextDoorLeader)).toMatchObject({ code: 'FORBIDDEN' });
    // The test officer leads xa-thu-nghiem, where the dossier was received.
    const { handOnTask } = await suite.api.ok(HAND_ON, move);
    expect(handOnTask.agency).toBe('xa-ben-canh');
  });
});
