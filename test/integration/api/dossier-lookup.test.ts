import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const LOOKUP = `query ($code: String!) { dossierLookup(code: $code) {
  code procedureName procedureCode stage stageLabel receivedAt appointmentAt late currentSteps } }`;

/** The citizen's look-up: no sign-in, the progress of a dossier, nothing personal. */
describe('dossierLookup', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const lookUp = (code: string) => suite.api.graphql(LOOKUP, { code }, null);

  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
  });

  it('tells anyone with the code how far the dossier is, and nothing of who applied', async () => {
    const id = await suite.f.start('birth-registration', '000.00.06.H56-260302-0007', {
      applicant: 'Nguyễn Thị Bình',
      idNumber: '001190012345',
    });
    const received = await lookUp('000.00.06.H56-260302-0007');
    expect(received.data?.dossierLookup).toEqual({
      code: '000.00.06.H56-260302-0007',
      procedureName: 'Đăng ký khai sinh',
      procedureCode: '1.001193',
      stage: 'IN_PROGRESS',
      stageLabel: 'Đang giải quyết',
      receivedAt: '2026-03-02T02:00:00.000Z',
      // Received at 09:00 on a Monday, due by the close of that working day (17:30).
      appointmentAt: '2026-03-02T10:30:00.000Z',
      late: false,
      currentSteps: ['Tiếp nhận hồ sơ'],
    });
    const text = JSON.stringify(received);
    for (const personal of ['Nguyễn Thị Bình', '001190012345', 'tester']) {
      expect(text).not.toContain(personal);
    }

    for (const step of ['Task_Receive', 'Task_Check', 'Task_Sign', 'Task_ReturnResult']) {
      await suite.f.complete(id, step, step === 'Task_Check' ? { complete: true } : undefined);
    }
    const done = await lookUp('000.00.06.H56-260302-0007');
    expect(done.data?.dossierLookup).toMatchObject({
      stage: 'DONE',
      stageLabel: 'Đã có kết quả',
      currentSteps: [],
    });
  });

  it('says plainly when no dossier has the code', async () => {
    const missing = await lookUp('000.00.06.H56-260302-9999');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
  });
});
