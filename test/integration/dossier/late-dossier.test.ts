import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';

/** A dossier that will be late: the apology with a new date (Form 04), once and in time. */
describe('a late dossier', () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const at = (iso: string) => (clock.now = new Date(iso));

  const receive = async () =>
    (
      await suite.api.ok(
        `mutation { receiveDossier(input: { procedureKey: "marital-status", applicant: { name: "Trần Văn Cường", idNumber: "001085001234", phone: "0987654321" }, components: [] }) { code appointmentAt } }`,
        {},
        tokens.reception,
      )
    ).receiveDossier;
  const extend = (
    code: string,
    appointment: string,
    reason = 'Chờ kết quả xác minh của nơi cư trú trước',
  ) =>
    suite.api.graphql(
      `mutation ($code: String!, $at: DateTime!, $reason: String!) { extendDossier(code: $code, appointment: $at, reason: $reason) {
         appointmentAt late forms { number content } processInstance { history { eventType actor } } } }`,
      { code, at: appointment, reason },
      tokens.leader,
    );

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader']);
    await suite.f.deploy(
      bpmnProcess(
        'marital-status',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="verify" name="Xác minh" camunda:candidateGroups="civil_status" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="verify" />`,
        'tthc:statutoryDuration="3 working days" tthc:procedureCode="1.004873"',
      ),
    );
  });

  it('gives a new appointment once, with the apology, and counts the dossier late', async () => {
    at('2026-03-02T02:00:00Z');
    const { code, appointmentAt } = await receive();
    // Three working days from Monday 09:00: Thursday 09:00.
    expect(appointmentAt).toBe('2026-03-05T02:00:00.000Z');
    // Wednesday 09:00 is the last moment: one working day before.
    at('2026-03-04T02:00:00Z');
    const { data, errors } = await extend(code, '2026-03-10T02:00:00Z');
    expect(errors).toBeUndefined();
    expect(data?.extendDossier).toMatchObject({
      appointmentAt: '2026-03-10T02:00:00.000Z',
      late: true,
      forms: [
        { number: '01' },
        {
          number: '04',
          content: {
            reason: 'Chờ kết quả xác minh của nơi cư trú trước',
            previousAppointment: '2026-03-05T02:00:00.000Z',
            newAppointment: '2026-03-10T02:00:00.000Z',
          },
        },
      ],
    });
    expect(data?.extendDossier.processInstance.history).toContainEqual({
      eventType: 'APPOINTMENT_EXTENDED',
      actor: 'nguyen.chutich',
    });
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const again = await extend(code, '2026-03-12T02:00:00Z');
    expect(again.errors?.[0]).toMatchObject({
      message: 'The appointment was already extended once',
      extensions: { code: 'BAD_USER_INPUT', field: 'appointment' },
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('refuses an apology that comes too late, or a new date on a day off', async () => {
    at('2026-03-02T02:00:00Z');
    const { code } = await receive();
    at('2026-03-04T02:00:00Z');
    const sunday = await extend(code, '2026-03-08T02:00:00Z');
    expect(sunday.errors?.[0].message).toMatch(/falls on a day off/);
    // Thursday 08:00, an hour before the appointment.
    at('2026-03-05T01:00:00Z');
    const late = await extend(code, '2026-03-10T02:00:00Z');
    expect(late.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too late to extend/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('marks each hand-over of the control sheet early, on time or late', async () => {
    tokens.civil ??= await suite.api.officer('tran.hotich', ['civil_status']);
    const verifyAt = async (received: string, done: string, extendTo?: string) => {
      at(received);
      const { code } = await receive();
      if (extendTo) expect((await extend(code, extendTo)).errors).toBeUndefined();
      const { dossier } = await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) { processInstance { openTasks { id } } } }`,
        { code },
        tokens.reception,
      );
      const [task] = dossier.processInstance.openTasks;
      at(done);
      await suite.api.ok(
        `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
        { id: task.id },
        tokens.civil,
      );
      await suite.api.ok(
        `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
        { id: task.id },
        tokens.civil,
      );
      const sheet = await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) { controlSheet { step giver receiver result } } }`,
        { code },
        tokens.reception,
      );
      return sheet.dossier.controlSheet;
    };
    // Due Thursday 09:00: done Tuesday is early, Thursday at 08:00 on time, Friday late.
    expect(await verifyAt('2026-03-02T02:00:00Z', '2026-03-03T02:00:00Z')).toEqual([
      { step: 'Xác minh', giver: 'le.tiepnhan', receiver: 'tran.hotich', result: 'EARLY' },
    ]);
    expect((await verifyAt('2026-03-02T02:00:00Z', '2026-03-05T01:00:00Z'))[0].result).toBe(
      'ON_TIME',
    );
    expect((await verifyAt('2026-03-02T02:00:00Z', '2026-03-06T02:00:00Z'))[0].result).toBe('LATE');
    // A new date is an apology, not an excuse: done Friday against Thursday is still late.
    expect(
      (await verifyAt('2026-03-02T02:00:00Z', '2026-03-06T02:00:00Z', '2026-03-10T02:00:00Z'))[0]
        .result,
    ).toBe('LATE');
  });
});
