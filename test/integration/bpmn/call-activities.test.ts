import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';
import { fireDueTimers } from '../../../src/jobs/timers';

describe('call activities', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    // The shared sub-procedure: the police verify the residence.
    await suite.f.deploy(
      bpmnProcess(
        'verify-residence',
        `<bpmn:startEvent id="s" />
         <bpmn:userTask id="verify" camunda:candidateGroups="police" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="verify" />`,
      ),
    );
    await suite.f.deploy(
      bpmnProcess(
        'with-verification',
        `<bpmn:startEvent id="s" />
         <bpmn:callActivity id="callPolice" calledElement="verify-residence">
           <bpmn:extensionElements>
             <camunda:in source="citizenId" target="citizenId" />
             <camunda:out source="residenceOk" target="residenceVerified" />
           </bpmn:extensionElements>
         </bpmn:callActivity>
         <bpmn:boundaryEvent id="onWithdraw" attachedToRef="callPolice"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
         <bpmn:userTask id="issue" camunda:candidateGroups="civil_status" />
         <bpmn:endEvent id="withdrawn" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="callPolice" />
         <bpmn:sequenceFlow id="b" sourceRef="callPolice" targetRef="issue" />
         <bpmn:sequenceFlow id="c" sourceRef="onWithdraw" targetRef="withdrawn" />`,
      ).replace('<bpmn:process', '<bpmn:message id="m" name="withdrawn" />\n  <bpmn:process'),
    );
  });

  const family = async (id: string) =>
    (
      await suite.api.ok(
        `query ($id: ID!) { processInstance(id: $id) {
           status variables children { id status businessKey variables definition { key } parent { id } } } }`,
        { id },
      )
    ).processInstance;

  it('starts the called process with the mapped variables, linked both ways, and brings its result back', async () => {
    const id = await suite.f.start('with-verification', 'CA-1', {
      citizenId: '0012',
      secret: 'not for the police',
    });
    const before = await family(id);
    expect(before.children).toHaveLength(1);
    const [child] = before.children;
    expect(child).toMatchObject({
      status: 'ACTIVE',
      businessKey: 'CA-1',
      variables: { citizenId: '0012' },
      definition: { key: 'verify-residence' },
      parent: { id },
    });
    await suite.f.complete(child.id, 'verify', { residenceOk: true, note: 'internal' });
    const after = await family(id);
    expect(after.children[0].status).toBe('COMPLETED');
    expect(after.variables).toEqual({
      citizenId: '0012',
      secret: 'not for the police',
      residenceVerified: true,
    });
    expect(await suite.f.waitingAt(id)).toEqual(['issue']);
  });

  it('terminates the child when a boundary event interrupts the call activity', async () => {
    const id = await suite.f.start('with-verification', 'CA-2', { citizenId: '0099' });
    const [child] = (await family(id)).children;
    await suite.f.correlate('withdrawn', 'CA-2');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    expect((await suite.f.instance(child.id)).status).toBe('TERMINATED');
    expect(await suite.f.taskStates(child.id)).toEqual(['verify:CANCELED']);
  });

  it('holds a call to a process not deployed with an incident that says so, and makes it once deployed and retried', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'calls-later',
        `<bpmn:startEvent id="s" />
         <bpmn:callActivity id="missing" calledElement="deployed-later" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="missing" />`,
      ),
    );
    // The start (an officer's step) stands; the call waits, and the incident names what is missing.
    const id = await suite.f.start('calls-later', 'CALL-0001');
    const incidentsOf = async () =>
      (
        await suite.api.ok(
          `query ($id: ID!) { processInstance(id: $id) { children { id } incidents { id elementId jobType status message } } }`,
          { id },
        )
      ).processInstance;
    const held = await incidentsOf();
    expect(held.children).toEqual([]);
    expect(held.incidents).toEqual([
      expect.objectContaining({
        elementId: 'missing',
        jobType: 'call',
        status: 'OPEN',
        message:
          "CALLED_PROCESS_MISSING: call activity 'missing' calls the process 'deployed-later', which is not deployed: deploy it, then retry this incident",
      }),
    ]);
    await suite.f.deploy(
      bpmnProcess(
        'deployed-later',
        `<bpmn:startEvent id="s" />
         <bpmn:userTask id="work" camunda:candidateGroups="police" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="work" />`,
      ),
    );
    await suite.api.ok(`mutation ($id: ID!) { retryIncident(id: $id) { status } }`, {
      id: held.incidents[0].id,
    });
    await fireDueTimers(suite.api.database.store, new Date());
    const made = await incidentsOf();
    expect(made.incidents.map((i: { status: string }) => i.status)).toEqual(['RESOLVED']);
    expect(made.children).toHaveLength(1);
    expect(await suite.f.waitingAt(made.children[0].id)).toEqual(['work']);
  });

  it('stops processes that call themselves without a wait, rather than recurse for ever', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'calls-itself',
        `<bpmn:startEvent id="s" />
         <bpmn:callActivity id="again" calledElement="calls-itself" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="again" />`,
      ),
    );
    const result = await suite.api.graphql(`mutation { startProcess(key: "calls-itself") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'LOOP_LIMIT', elementId: 'again' });
  });

  it('lets the call activity catch an error its child does not', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'child-fails',
        `<bpmn:startEvent id="s" />
         <bpmn:userTask id="check" camunda:candidateGroups="police" />
         <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="check" />
         <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="fail" />`,
      ).replace('<bpmn:process', '<bpmn:error id="e" errorCode="NO_RESIDENCE" />\n  <bpmn:process'),
    );
    await suite.f.deploy(
      bpmnProcess(
        'parent-catches',
        `<bpmn:startEvent id="s" />
         <bpmn:callActivity id="call" calledElement="child-fails" />
         <bpmn:boundaryEvent id="onFail" attachedToRef="call"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
         <bpmn:userTask id="refuse" camunda:candidateGroups="reception" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="call" />
         <bpmn:sequenceFlow id="b" sourceRef="call" targetRef="end" />
         <bpmn:sequenceFlow id="c" sourceRef="onFail" targetRef="refuse" />`,
      ).replace('<bpmn:process', '<bpmn:error id="e" errorCode="NO_RESIDENCE" />\n  <bpmn:process'),
    );
    const id = await suite.f.start('parent-catches', 'CA-9');
    const [child] = (await family(id)).children;
    await suite.f.complete(child.id, 'check');
    expect((await suite.f.instance(child.id)).status).toBe('TERMINATED');
    expect(await suite.f.waitingAt(id)).toEqual(['refuse']);
  });
});
