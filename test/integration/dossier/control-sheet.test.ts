import { bpmnProcess, oneStepProcess } from '../../support/bpmn';
import { workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';

/** The control sheet (Form 06) follows the dossier into the processes it calls and back. */
describe('the control sheet across called processes', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.desk = await suite.api.officer('pham.motcua', ['reception']);
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status']);
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader']);
    await suite.f.deploy(
      oneStepProcess(
        'verify-residence',
        '<bpmn:userTask id="verify" name="Xác minh nơi cư trú" camunda:candidateGroups="civil_status" />',
      ),
    );
    await suite.f.deploy(
      bpmnProcess(
        'residence-confirmation',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" name="Kiểm tra hồ sơ" camunda:candidateGroups="reception" />
         <bpmn:callActivity id="call" name="Xác minh" calledElement="verify-residence" />
         <bpmn:userTask id="sign" name="Ký xác nhận" camunda:candidateGroups="leader" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
         <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="call" />
         <bpmn:sequenceFlow id="c" sourceRef="call" targetRef="sign" />
         <bpmn:sequenceFlow id="d" sourceRef="sign" targetRef="end" />`,
        'tthc:statutoryDuration="3 working days"',
      ),
    );
  });

  it('gives the called step the dossier from the caller, and the next step of the caller from it', async () => {
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: { procedureKey: "residence-confirmation", applicant: { name: "Đỗ Thị Hoa", idNumber: "001190054321", phone: "0911222333" }, components: [] }) { code } }`,
      {},
      tokens.reception,
    );
    const code = receiveDossier.code;
    const step = { code, reader: tokens.reception };
    await workTask(suite.api, { ...step, elementId: 'check', token: tokens.desk });
    const { dossier } = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) { processInstance { children { openTasks { id } } } } }`,
      { code },
      tokens.reception,
    );
    const [verify] = dossier.processInstance.children[0].openTasks;
    await suite.api.ok(`mutation ($id: ID!) { claimTask(id: $id) { id } }`, verify, tokens.civil);
    await suite.api.ok(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      verify,
      tokens.civil,
    );
    await workTask(suite.api, { ...step, elementId: 'sign', token: tokens.leader });

    const sheet = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) { controlSheet { step giver receiver } } }`,
      { code },
      tokens.reception,
    );
    expect(sheet.dossier.controlSheet).toEqual([
      { step: 'Kiểm tra hồ sơ', giver: 'le.tiepnhan', receiver: 'pham.motcua' },
      { step: 'Xác minh nơi cư trú', giver: 'pham.motcua', receiver: 'tran.hotich' },
      { step: 'Ký xác nhận', giver: 'tran.hotich', receiver: 'nguyen.chutich' },
    ]);
  });
});
