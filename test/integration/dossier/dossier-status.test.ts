import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const STATUS = `query ($code: String!, $last4: String!) { dossierStatus(code: $code, phoneLast4: $last4) {
  code procedureName procedureCode status statusCode statusLabel receivedAt appointmentAt late
  stepsDone { name at } currentSteps } }`;

/** The citizen's look-up: no sign-in, the receipt's code and the phone's last four digits. */
describe('dossierStatus', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  let code = '';
  const lookUp = (wanted: string, last4: string) =>
    suite.api.graphql(STATUS, { code: wanted, last4 }, null);

  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    const reception = await suite.api.officer('le.tiepnhan', ['reception']);
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: {
         procedureKey: "birth-registration",
         applicant: { name: "Nguyễn Thị Bình", idNumber: "001190012345", phone: "0912345678", address: "Thôn 3" },
         components: [
           { name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
           { name: "Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)", kind: ORIGINAL }
         ] }) { code processInstance { openTasks { id } } } }`,
      {},
      reception,
    );
    code = receiveDossier.code;
    const [task] = receiveDossier.processInstance.openTasks;
    await suite.api.ok(
      `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      { id: task.id },
      reception,
    );
    await suite.api.ok(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: task.id },
      reception,
    );
  });

  it('tells the holder of the receipt how far the dossier is, and nothing of who applied', async () => {
    const answer = await lookUp(code, '5678');
    expect(answer.data?.dossierStatus).toEqual({
      code,
      procedureName: 'Đăng ký khai sinh',
      procedureCode: '1.001193',
      status: 'IN_PROGRESS',
      statusCode: 4,
      statusLabel: 'Đang giải quyết',
      receivedAt: '2026-03-02T02:00:00.000Z',
      appointmentAt: '2026-03-02T10:00:00.000Z',
      late: false,
      stepsDone: [{ name: 'Tiếp nhận hồ sơ', at: '2026-03-02T02:00:00.000Z' }],
      currentSteps: ['Thẩm định hồ sơ'],
    });
    const text = JSON.stringify(answer);
    for (const personal of [
      'Nguyễn Thị Bình',
      '001190012345',
      '0912345678',
      'Thôn 3',
      'le.tiepnhan',
    ]) {
      expect(text).not.toContain(personal);
    }
  });

  it('answers a wrong phone exactly like an unknown code, and stops guessing after five', async () => {
    const wrong = await lookUp(code, '0000');
    const unknown = await lookUp('000.00.06.H56-260302-9999', '5678');
    const shape = (body: typeof wrong) => ({
      data: body.data,
      extensions: body.errors?.[0].extensions,
      message: body.errors?.[0].message.replace(/'[^']*'/, "'…'"),
    });
    expect(shape(wrong)).toEqual(shape(unknown));
    expect(shape(wrong).extensions).toEqual({
      code: 'NOT_FOUND',
      field: 'code',
      userMessage: 'Không tìm thấy hồ sơ theo mã và thông tin đã nhập.',
    });
    for (let n = 0; n < 4; n++) await lookUp(code, '0000');
    expect((await lookUp(code, '5678')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
