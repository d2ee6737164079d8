import { bpmnProcess } from '../../support/bpmn';
import { checkConsistency } from '../../../src/store/consistency';
import { snapshotDatabase } from '../../support/database';
import { receiveBirthRegistration, workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const DOSSIER = `query ($code: String!) { dossier(code: $code) {
  statusCode appointmentAt
  controlSheet { step giver receiver }
  processInstance { id status openTasks { id elementId candidateGroups state }
    history { eventType elementId actor reason } } } }`;

const MOVE = `mutation ($id: ID!, $from: String!, $to: String!, $reason: String!) {
  moveToken(instanceId: $id, fromElementId: $from, toElementId: $to, reason: $reason) {
    id status } }`;

/** An administrator puts a dossier back on track: its token moved back a step, with a reason. */
describe('putting a dossier back on track', () => {
  const suite = apiSuite();
  const tokens: Record<string, string> = {};
  let code: string;
  let instanceId: string;

  const dossier = async () => (await suite.api.ok(DOSSIER, { code }, tokens.reception)).dossier;

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status']);
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader']);
    tokens.admin = await suite.api.officer('quan.tri', ['admin']);
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    code = await receiveBirthRegistration(suite.api, tokens.reception);
    const step = { code, reader: tokens.reception };
    const open = (await dossier()).processInstance.openTasks;
    if (open.some((t: { elementId: string }) => t.elementId === 'Task_Receive'))
      await workTask(suite.api, { ...step, elementId: 'Task_Receive', token: tokens.reception });
    await workTask(suite.api, {
      ...step,
      elementId: 'Task_Check',
      token: tokens.civil,
      variables: { complete: true },
    });
    instanceId = (await dossier()).processInstance.id;
  });

  it('moves the token from signing back to checking: the old task gone, the new one open', async () => {
    const before = await dossier();
    const [sign] = before.processInstance.openTasks;
    expect(sign.elementId).toBe('Task_Sign');
    const reason = 'Thẩm định lại: thiếu xác minh giấy chứng sinh';
    const { moveToken } = await suite.api.ok(
      MOVE,
      { id: instanceId, from: 'Task_Sign', to: 'Task_Check', reason },
      tokens.admin,
    );
    expect(moveToken).toEqual({ id: instanceId, status: 'ACTIVE' });

    const after = await dossier();
    expect(after.processInstance.openTasks).toEqual([
      expect.objectContaining({ elementId: 'Task_Check', candidateGroups: ['civil_status'] }),
    ]);
    const [old] = await suite.api.database.dataSource.query(
      'SELECT state, ended_at FROM task WHERE id = $1',
      [sign.id],
    );
    expect(old.state).toBe('CANCELED');
    expect(old.ended_at).not.toBeNull();
    // The history and the audit log say who and why.
    expect(after.processInstance.history.slice(-3)).toEqual([
      { eventType: 'ELEMENT_TERMINATED', elementId: 'Task_Sign', actor: null, reason: null },
      { eventType: 'TOKEN_MOVED', elementId: 'Task_Check', actor: 'quan.tri', reason },
      { eventType: 'ELEMENT_ACTIVATED', elementId: 'Task_Check', actor: null, reason: null },
    ]);
    const { auditLog } = await suite.api.ok(
      `{ auditLog(filter: { action: "moveToken" }) { actor target reason outcome } }`,
      {},
      tokens.admin,
    );
    expect(auditLog).toEqual([{ actor: 'quan.tri', target: instanceId, reason, outcome: 'OK' }]);
    // The dossier is still in progress, its appointment untouched.
    expect(after.statusCode).toBe(before.statusCode);
    expect(after.appointmentAt).toBe(before.appointmentAt);
    // The control sheet: the canceled step is gone, the check begins again.
    expect(after.controlSheet.map((row: { step: string }) => row.step)).toEqual([
      ...before.controlSheet
        .map((row: { step: string }) => row.step)
        .filter((step: string) => step !== 'Ký duyệt kết quả'),
      'Thẩm định hồ sơ',
    ]);
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  });

  it('goes on from the step it was moved to', async () => {
    const step = { code, reader: tokens.reception };
    await workTask(suite.api, {
      ...step,
      elementId: 'Task_Check',
      token: tokens.civil,
      variables: { complete: true },
    });
    await workTask(suite.api, { ...step, elementId: 'Task_Sign', token: tokens.leader });
    expect((await dossier()).processInstance.openTasks).toEqual([
      expect.objectContaining({ elementId: 'Task_ReturnResult' }),
    ]);
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  });

  it('cancels a branch of parallel work that is no longer needed, with the reason', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'two-checks',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="fork" />
         <bpmn:userTask id="check" camunda:candidateGroups="civil_status" />
         <bpmn:userTask id="verify" camunda:candidateGroups="civil_status" />
         <bpmn:endEvent id="checked" />
         <bpmn:endEvent id="verified" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="fork" />
         <bpmn:sequenceFlow id="b" sourceRef="fork" targetRef="check" />
         <bpmn:sequenceFlow id="c" sourceRef="fork" targetRef="verify" />
         <bpmn:sequenceFlow id="d" sourceRef="check" targetRef="checked" />
         <bpmn:sequenceFlow id="e" sourceRef="verify" targetRef="verified" />`,
      ),
    );
    const id = await suite.f.start('two-checks', 'TEST-2');
    const reason = 'Đã xác minh qua cơ sở dữ liệu dân cư';
    const { cancelStep } = await suite.api.ok(
      `mutation ($id: ID!, $reason: String!) {
         cancelStep(instanceId: $id, elementId: "verify", reason: $reason) {
           status openTasks { elementId } history { eventType elementId actor reason } } }`,
      { id, reason },
      tokens.admin,
    );
    expect(cancelStep.status).toBe('ACTIVE');
    expect(cancelStep.openTasks).toEqual([{ elementId: 'check' }]);
    expect(cancelStep.history.slice(-2)).toEqual([
      { eventType: 'ELEMENT_TERMINATED', elementId: 'verify', actor: null, reason: null },
      { eventType: 'STEP_CANCELED', elementId: 'verify', actor: 'quan.tri', reason },
    ]);
    const states = await suite.api.database.dataSource.query(
      'SELECT element_id, state FROM task WHERE instance_id = $1 ORDER BY element_id',
      [id],
    );
    expect(states).toEqual([
      { element_id: 'check', state: 'OPEN' },
      { element_id: 'verify', state: 'CANCELED' },
    ]);
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  });

  it('refuses, changing nothing: an unknown step, a step with no token, a non-administrator, no reason', async () => {
    const snapshot = await snapshotDatabase(suite.api.database.dataSource);
    const refused = async (variables: object, token: string) => {
      const { errors } = await suite.api.graphql(
        MOVE,
        { id: instanceId, reason: 'r', ...variables },
        token,
      );
      return errors?.map((e) => [
        e.extensions?.code,
        e.extensions?.elementId ?? e.extensions?.field,
      ]);
    };
    expect(await refused({ from: 'Task_Nowhere', to: 'Task_Check' }, tokens.admin)).toEqual([
      ['ELEMENT_NOT_FOUND', 'Task_Nowhere'],
    ]);
    expect(await refused({ from: 'Task_Check', to: 'Task_Sign' }, tokens.admin)).toEqual([
      ['NO_TOKEN_AT_ELEMENT', 'Task_Check'],
    ]);
    expect(
      await refused({ from: 'Task_ReturnResult', to: 'StartEvent_Submitted' }, tokens.admin),
    ).toEqual([['BAD_USER_INPUT', 'StartEvent_Submitted']]);
    expect(
      await refused({ from: 'Task_ReturnResult', to: 'Task_Check', reason: ' ' }, tokens.admin),
    ).toEqual([['BAD_USER_INPUT', 'reason']]);
    expect(await refused({ from: 'Task_ReturnResult', to: 'Task_Check' }, tokens.civil)).toEqual([
      ['FORBIDDEN', 'moveToken'],
    ]);
    const { errors } = await suite.api.graphql(
      `mutation ($id: ID!) { cancelStep(instanceId: $id, elementId: "Task_ReturnResult", reason: "r") { id } }`,
      { id: instanceId },
      tokens.admin,
    );
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(snapshot);
  });
});
