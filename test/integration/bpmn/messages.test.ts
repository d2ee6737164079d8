import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';

const messages = `
  <bpmn:message id="m_paid" name="fee-paid" />
  <bpmn:message id="m_verified" name="residence-verified" tthc:correlationKey="=citizenId" />
  <bpmn:message id="m_withdrawn" name="withdrawn" />
  <bpmn:message id="m_reminder" name="reminder" />
  <bpmn:message id="m_online" name="online-application" />`;

/** Wraps a process with the message definitions it refers to. */
const withMessages = (id: string, elements: string) =>
  bpmnProcess(id, elements).replace('<bpmn:process', `${messages}\n  <bpmn:process`);

describe('messages', () => {
  const suite = apiSuite();
  beforeAll(async () => {});

  it('an intermediate catch event waits for its message, matched by the dossier code', async () => {
    await suite.f.deploy(
      withMessages(
        'pay-then-process',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="waitFee"><bpmn:messageEventDefinition messageRef="m_paid" /></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="process" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="waitFee" />
         <bpmn:sequenceFlow id="b" sourceRef="waitFee" targetRef="process" />`,
      ),
    );
    const first = await suite.f.start('pay-then-process', 'H56-0001');
    const second = await suite.f.start('pay-then-process', 'H56-0002');
    expect(await suite.f.waitingAt(first)).toEqual([]);

    const result = await suite.f.correlate('fee-paid', 'H56-0002', { amount: 8000 });
    expect(result.data?.correlateMessage).toMatchObject({
      kind: 'WAITING',
      elementId: 'waitFee',
      processInstances: [{ id: second, businessKey: 'H56-0002', status: 'ACTIVE' }],
    });
    expect(await suite.f.waitingAt(second)).toEqual(['process']);
    expect((await suite.f.instance(second)).variables).toEqual({ amount: 8000 });
    expect(await suite.f.waitingAt(first)).toEqual([]);
    expect(await suite.f.historyOf(second, 'MESSAGE_CORRELATED')).toEqual([
      'MESSAGE_CORRELATED waitFee',
    ]);
  });

  it('refuses a message nobody waits for and changes nothing', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const result = await suite.f.correlate('fee-paid', 'NO-SUCH-DOSSIER');
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'MESSAGE_NOT_CORRELATED',
      messageName: 'fee-paid',
      correlationKey: 'NO-SUCH-DOSSIER',
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('delivers a message once when the same one arrives twice at the same moment', async () => {
    const id = await suite.f.start('pay-then-process', 'H56-0003');
    const results = await Promise.all([
      suite.f.correlate('fee-paid', 'H56-0003'),
      suite.f.correlate('fee-paid', 'H56-0003'),
    ]);
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['MESSAGE_NOT_CORRELATED', 'OK']);
    expect(await suite.f.waitingAt(id)).toEqual(['process']);
  });

  it('a receive task uses the FEEL correlation key of its message', async () => {
    await suite.f.deploy(
      withMessages(
        'verify-residence',
        `<bpmn:startEvent id="start" />
         <bpmn:receiveTask id="awaitPolice" messageRef="m_verified" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="awaitPolice" />
         <bpmn:sequenceFlow id="b" sourceRef="awaitPolice" targetRef="end" />`,
      ),
    );
    const id = await suite.f.start('verify-residence', 'H56-0004', { citizenId: '001203004567' });
    expect(
      (await suite.f.correlate('residence-verified', 'H56-0004')).errors?.[0].extensions?.code,
    ).toBe('MESSAGE_NOT_CORRELATED');
    const result = await suite.f.correlate('residence-verified', '001203004567', {
      permanentResidence: true,
    });
    expect(result.data?.correlateMessage.processInstances[0]).toMatchObject({
      id,
      status: 'COMPLETED',
    });
  });

  it('a message start event starts an instance with the key as its dossier code', async () => {
    await suite.f.deploy(
      withMessages(
        'online-intake',
        `<bpmn:startEvent id="fromPortal"><bpmn:messageEventDefinition messageRef="m_online" /></bpmn:startEvent>
         <bpmn:userTask id="check" camunda:candidateGroups="reception" />
         <bpmn:sequenceFlow id="a" sourceRef="fromPortal" targetRef="check" />`,
      ),
    );
    const result = await suite.f.correlate('online-application', 'H56-260302-0099', {
      channel: 'online_full',
    });
    const [started] = result.data!.correlateMessage.processInstances;
    expect(result.data?.correlateMessage).toMatchObject({
      kind: 'STARTED',
      elementId: 'fromPortal',
    });
    expect(started.businessKey).toBe('H56-260302-0099');
    expect(await suite.f.waitingAt(started.id)).toEqual(['check']);
    const plain = await suite.api.graphql(`mutation { startProcess(key: "online-intake") { id } }`);
    expect(plain.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an interrupting message boundary event cancels the task and takes its own path', async () => {
    await suite.f.deploy(
      withMessages(
        'withdrawable',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="appraise" camunda:candidateGroups="land" />
         <bpmn:boundaryEvent id="onWithdraw" attachedToRef="appraise"><bpmn:messageEventDefinition messageRef="m_withdrawn" /></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="onReminder" attachedToRef="appraise" cancelActivity="false"><bpmn:messageEventDefinition messageRef="m_reminder" /></bpmn:boundaryEvent>
         <bpmn:userTask id="returnPapers" camunda:candidateGroups="reception" />
         <bpmn:userTask id="hurry" camunda:candidateGroups="leader" />
         <bpmn:endEvent id="done" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="appraise" />
         <bpmn:sequenceFlow id="b" sourceRef="appraise" targetRef="done" />
         <bpmn:sequenceFlow id="c" sourceRef="onWithdraw" targetRef="returnPapers" />
         <bpmn:sequenceFlow id="d" sourceRef="onReminder" targetRef="hurry" />`,
      ),
    );
    const id = await suite.f.start('withdrawable', 'H56-0005');
    // A reminder does not interrupt: the appraisal goes on, and the leader is told.
    await suite.f.correlate('reminder', 'H56-0005');
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['appraise', 'hurry']);
    // A second reminder is caught again: the boundary keeps listening while the task waits.
    await suite.f.correlate('reminder', 'H56-0005');
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['appraise', 'hurry', 'hurry']);
    // Withdrawal interrupts: the appraisal is canceled.
    await suite.f.correlate('withdrawn', 'H56-0005', { reason: 'công dân rút hồ sơ' });
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['hurry', 'hurry', 'returnPapers']);
    expect(await suite.f.taskStates(id)).toContain('appraise:CANCELED');
    expect(await suite.f.historyOf(id, 'ELEMENT_TERMINATED')).toEqual([
      'ELEMENT_TERMINATED appraise',
    ]);
    // Its waits closed with it: another reminder finds nobody.
    expect((await suite.f.correlate('reminder', 'H56-0005')).errors?.[0].extensions?.code).toBe(
      'MESSAGE_NOT_CORRELATED',
    );
  });

  it('an event-based gateway takes the first message and stops listening for the others', async () => {
    await suite.f.deploy(
      withMessages(
        'race',
        `<bpmn:startEvent id="start" />
         <bpmn:eventBasedGateway id="which" />
         <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m_paid" /></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="gone"><bpmn:messageEventDefinition messageRef="m_withdrawn" /></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="process" camunda:candidateGroups="land" />
         <bpmn:endEvent id="closed" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="which" />
         <bpmn:sequenceFlow id="b" sourceRef="which" targetRef="paid" />
         <bpmn:sequenceFlow id="c" sourceRef="which" targetRef="gone" />
         <bpmn:sequenceFlow id="d" sourceRef="paid" targetRef="process" />
         <bpmn:sequenceFlow id="e" sourceRef="gone" targetRef="closed" />`,
      ),
    );
    const id = await suite.f.start('race', 'H56-0006');
    await suite.f.correlate('withdrawn', 'H56-0006');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    expect((await suite.f.correlate('fee-paid', 'H56-0006')).errors?.[0].extensions?.code).toBe(
      'MESSAGE_NOT_CORRELATED',
    );
    expect(await suite.f.historyOf(id, 'SEQUENCE_FLOW_TAKEN')).toEqual([
      'SEQUENCE_FLOW_TAKEN a',
      'SEQUENCE_FLOW_TAKEN c',
      'SEQUENCE_FLOW_TAKEN e',
    ]);
  });

  it('a message end event in one process is delivered to the instance waiting for it', async () => {
    // The police's process ends by telling the commune's dossier (same code) that residence is done.
    await suite.f.deploy(
      withMessages(
        'commune-side',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="awaitPolice"><bpmn:messageEventDefinition messageRef="m_paid" /></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="issue" camunda:candidateGroups="civil_status" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="awaitPolice" />
         <bpmn:sequenceFlow id="b" sourceRef="awaitPolice" targetRef="issue" />`,
      ),
    );
    await suite.f.deploy(
      withMessages(
        'police-side',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="register" camunda:candidateGroups="police" />
         <bpmn:endEvent id="tell"><bpmn:messageEventDefinition messageRef="m_paid" /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="register" />
         <bpmn:sequenceFlow id="b" sourceRef="register" targetRef="tell" />`,
      ),
    );
    const commune = await suite.f.start('commune-side', 'JOINT-0007');
    const police = await suite.f.start('police-side', 'JOINT-0007');
    await suite.f.complete(police, 'register', { residenceNo: 'CT-77' });
    expect(await suite.f.historyOf(police, 'MESSAGE_SENT')).toEqual(['MESSAGE_SENT tell']);
    expect(await suite.f.waitingAt(commune)).toEqual(['issue']);
    expect((await suite.f.instance(commune)).variables).toEqual({ residenceNo: 'CT-77' });
  });
});
