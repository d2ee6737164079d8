import { fireDueTimers } from '../../../src/jobs/timers';
import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

/** Vietnam local time as a Date. */
const vn = (local: string) => new Date(`${local}+07:00`);

const ESCALATIONS = `
  <bpmn:escalation id="dossierLate" escalationCode="DOSSIER_OVERDUE" />
  <bpmn:escalation id="stepLate" escalationCode="STEP_OVERDUE" />
  <bpmn:escalation id="dueSoon" escalationCode="DOSSIER_DUE_SOON" />
  <bpmn:message id="papers" name="papers-supplemented" />`;

/**
 * A land procedure with a three-working-day limit: the check has a budget of four working hours;
 * missing papers send the dossier back to the citizen (the clock pauses); a late check reminds the
 * leader; a working day before the appointment reception is asked for the apology letter
 * (Form 04), and a late dossier goes to the leader's follow-up.
 */
const LAND_CHANGE = bpmnProcess(
  'land-change',
  `<bpmn:startEvent id="start" />
   <bpmn:userTask id="check" camunda:candidateGroups="land" tthc:stepDuration="4 working hours" />
   <bpmn:boundaryEvent id="checkLate" attachedToRef="check" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="stepLate" /></bpmn:boundaryEvent>
   <bpmn:userTask id="remind" camunda:candidateGroups="leader" />
   <bpmn:exclusiveGateway id="complete" />
   <bpmn:receiveTask id="supplement" messageRef="papers" tthc:pausesClock="true" />
   <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
   <bpmn:endEvent id="end" />
   <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
   <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="complete" />
   <bpmn:sequenceFlow id="f3" sourceRef="complete" targetRef="sign"><bpmn:conditionExpression>complete = true</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="f4" sourceRef="complete" targetRef="supplement"><bpmn:conditionExpression>complete = false</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="f5" sourceRef="supplement" targetRef="check" />
   <bpmn:sequenceFlow id="f6" sourceRef="sign" targetRef="end" />
   <bpmn:sequenceFlow id="f7" sourceRef="checkLate" targetRef="remind" />
   <bpmn:subProcess id="lateDossier" triggeredByEvent="true">
     <bpmn:startEvent id="onLate" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="dossierLate" /></bpmn:startEvent>
     <bpmn:userTask id="followUp" camunda:candidateGroups="leader" />
     <bpmn:sequenceFlow id="l1" sourceRef="onLate" targetRef="followUp" />
   </bpmn:subProcess>
   <bpmn:subProcess id="apology" triggeredByEvent="true">
     <bpmn:startEvent id="onDueSoon" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="dueSoon" /></bpmn:startEvent>
     <bpmn:userTask id="apologize" camunda:candidateGroups="reception" />
     <bpmn:sequenceFlow id="d1" sourceRef="onDueSoon" targetRef="apologize" />
   </bpmn:subProcess>`,
  'tthc:procedureCode="1.000000" tthc:statutoryDuration="3 working days"',
  ESCALATIONS,
);

describe('deadlines: the appointment, step budgets, the clock pause, overdue escalations', () => {
  const clock = { now: vn('2026-03-02T09:00:00') };
  const suite = apiSuite(clock);
  const fire = (at: Date) => fireDueTimers(suite.api.database.store, at);
  const dossier = async (id: string) =>
    (
      await suite.api.ok(
        `query ($id: ID!) { processInstance(id: $id) {
           dueAt overdue clockPausedAt pausedWorkingMinutes supplementRequests
           openTasks { elementId dueAt overdue } } }`,
        { id },
      )
    ).processInstance;

  beforeAll(async () => {
    await suite.f.deploy(LAND_CHANGE);
  });

  it('gives the appointment the 2026 Tết table gives, for a dossier received on Friday 13 February at 15:30', async () => {
    clock.now = vn('2026-02-13T15:30:00');
    const id = await suite.f.start('land-change', 'HS-TET');
    // After 15:00 it counts from the next working day, Monday 23 February after nine days of
    // Tết: three working days later is Thursday 26 February, 07:30.
    expect((await dossier(id)).dueAt).toBe(vn('2026-02-26T07:30:00').toISOString());
    // It is what the desk tells the citizen, too.
    const desk = await suite.api.ok(
      `{ expectedAppointment(procedureCode: "1.000000", receivedAt: "2026-02-13T08:30:00Z") }`,
    );
    expect(desk.expectedAppointment).toBe((await dossier(id)).dueAt);
  });

  it('pauses while the citizen supplements papers, moves the deadlines on, and escalates when they pass', async () => {
    clock.now = vn('2026-03-02T09:00:00');
    const id = await suite.f.start('land-change', 'HS-PAUSE');
    let state = await dossier(id);
    // Monday 09:00 + 3 working days; the check has four working hours (to 11:30, then from 13:30).
    expect(state.dueAt).toBe(vn('2026-03-05T09:00:00').toISOString());
    expect(state.openTasks).toEqual([
      { elementId: 'check', dueAt: vn('2026-03-02T15:00:00').toISOString(), overdue: false },
    ]);

    // Papers are missing: back to the citizen at 10:00; the clock stops.
    clock.now = vn('2026-03-02T10:00:00');
    await suite.f.complete(id, 'check', { complete: false });
    state = await dossier(id);
    expect(state.clockPausedAt).toBe(clock.now.toISOString());
    // The old appointment passes while paused: nothing happens.
    await fire(vn('2026-03-05T10:00:00'));
    expect((await dossier(id)).overdue).toBe(false);
    expect(await suite.f.historyOf(id, 'DEADLINE_MISSED')).toEqual([]);

    // The citizen comes back on Friday at 10:00: four working days were paused.
    clock.now = vn('2026-03-06T10:00:00');
    const correlated = await suite.f.correlate('papers-supplemented', 'HS-PAUSE');
    expect(correlated.errors).toBeUndefined();
    state = await dossier(id);
    expect(state).toMatchObject({
      clockPausedAt: null,
      pausedWorkingMinutes: 30 * 60,
      supplementRequests: 1,
      dueAt: vn('2026-03-11T09:00:00').toISOString(),
      openTasks: [
        { elementId: 'check', dueAt: vn('2026-03-06T16:00:00').toISOString(), overdue: false },
      ],
    });

    // The check runs late: it is marked and the leader is reminded; the check stays open.
    await fire(vn('2026-03-06T16:30:00'));
    state = await dossier(id);
    expect(state.openTasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elementId: 'check', overdue: true }),
        expect.objectContaining({ elementId: 'remind' }),
      ]),
    );
    const overdueTasks = await suite.api.ok(
      `query ($id: ID!) { tasks(filter: { processInstanceId: $id, overdue: true }, first: 10) { edges { node { elementId } } } }`,
      { id },
    );
    expect(overdueTasks.tasks.edges.map((e: any) => e.node.elementId)).toEqual(['check']);

    // A working day before the moved appointment, reception is asked for the apology letter.
    await fire(vn('2026-03-10T08:59:00'));
    expect(await suite.f.waitingAt(id)).not.toContain('apologize');
    await fire(vn('2026-03-10T09:00:00'));
    expect(await suite.f.waitingAt(id)).toContain('apologize');

    // The moved appointment passes: the dossier is overdue and goes to the leader's follow-up.
    await fire(vn('2026-03-11T08:59:00'));
    expect((await dossier(id)).overdue).toBe(false);
    await fire(vn('2026-03-11T09:30:00'));
    state = await dossier(id);
    expect(state.overdue).toBe(true);
    expect(state.openTasks.map((t: { elementId: string }) => t.elementId).sort()).toEqual([
      'apologize',
      'check',
      'followUp',
      'remind',
    ]);
    expect(
      await suite.f.historyOf(
        id,
        'DEADLINE_NEAR',
        'DEADLINE_MISSED',
        'CLOCK_PAUSED',
        'CLOCK_RESUMED',
      ),
    ).toEqual([
      'CLOCK_PAUSED supplement',
      'CLOCK_RESUMED land-change',
      'DEADLINE_MISSED check',
      'DEADLINE_NEAR land-change',
      'DEADLINE_MISSED land-change',
    ]);
  });

  it('stops watching the deadlines of a dossier that is done in time', async () => {
    clock.now = vn('2026-03-09T09:00:00');
    const id = await suite.f.start('land-change', 'HS-ONTIME');
    await suite.f.complete(id, 'check', { complete: true });
    await suite.f.complete(id, 'sign');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    expect(
      await suite.api.database.dataSource.query('SELECT * FROM job WHERE instance_id = $1', [id]),
    ).toEqual([]);
  });

  it('counts a working-time timer in working days, across Tết', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'wait-two-days',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition tthc:workingTime="true"><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="next" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
         <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="next" />`,
      ),
    );
    clock.now = vn('2026-02-13T10:00:00');
    const id = await suite.f.start('wait-two-days', 'WT-1');
    // Two working days after Friday 10:00, with Tết between: Tuesday 24 February, 10:00.
    expect(await fire(vn('2026-02-24T09:59:00'))).toBe(0);
    expect(await fire(vn('2026-02-24T10:00:00'))).toBe(1);
    expect(await suite.f.waitingAt(id)).toEqual(['next']);
  });

  it('refuses at deploy a duration it cannot count, naming the element', async () => {
    const refused = async (xml: string) =>
      (
        await suite.api.graphql(
          `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`,
          {
            xml,
          },
        )
      ).errors?.[0].extensions?.problems;
    expect(
      await refused(
        bpmnProcess(
          'bad-budget',
          `<bpmn:startEvent id="start" /><bpmn:userTask id="t" camunda:candidateGroups="x" tthc:stepDuration="soon" />
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="t" />`,
          'tthc:statutoryDuration="three days"',
        ),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elementId: 'bad-budget', rule: 'engine/duration' }),
        expect.objectContaining({ elementId: 't', rule: 'engine/duration' }),
      ]),
    );
    expect(
      await refused(
        bpmnProcess(
          'bad-cycle',
          `<bpmn:startEvent id="start" />
           <bpmn:intermediateCatchEvent id="w"><bpmn:timerEventDefinition tthc:workingTime="true"><bpmn:timeCycle>R3/PT4H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="w" />`,
        ),
      ),
    ).toEqual([expect.objectContaining({ elementId: 'w', rule: 'engine/timer' })]);
  });
});
