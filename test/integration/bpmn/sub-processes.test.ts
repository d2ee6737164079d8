import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

const errors = `
  <bpmn:error id="err_invalid" name="Invalid papers" errorCode="INVALID_PAPERS" />
  <bpmn:escalation id="esc_late" name="Late" escalationCode="LATE" />`;
const withDefinitions = (id: string, elements: string) => bpmnProcess(id, elements, '', errors);

describe('sub-processes and the events that leave them', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    await suite.f.deploy(
      withDefinitions(
        'appraisal',
        `<bpmn:startEvent id="start" />
         <bpmn:subProcess id="review">
           <bpmn:startEvent id="reviewStart" />
           <bpmn:userTask id="check" camunda:candidateGroups="land" />
           <bpmn:exclusiveGateway id="outcome" default="ok" />
           <bpmn:endEvent id="invalid"><bpmn:errorEventDefinition errorRef="err_invalid" /></bpmn:endEvent>
           <bpmn:sequenceFlow id="r1" sourceRef="reviewStart" targetRef="check" />
           <bpmn:sequenceFlow id="r2" sourceRef="check" targetRef="outcome" />
           <bpmn:sequenceFlow id="ok" sourceRef="outcome" targetRef="okEnd" />
           <bpmn:endEvent id="okEnd" />
           <bpmn:sequenceFlow id="bad" sourceRef="outcome" targetRef="invalid"><bpmn:conditionExpression>valid = false</bpmn:conditionExpression></bpmn:sequenceFlow>
         </bpmn:subProcess>
         <bpmn:boundaryEvent id="onInvalid" attachedToRef="review"><bpmn:errorEventDefinition errorRef="err_invalid" /></bpmn:boundaryEvent>
         <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
         <bpmn:userTask id="refuse" camunda:candidateGroups="reception" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="review" />
         <bpmn:sequenceFlow id="b" sourceRef="review" targetRef="sign" />
         <bpmn:sequenceFlow id="c" sourceRef="onInvalid" targetRef="refuse" />`,
      ),
    );
  });

  it('runs an embedded sub-process and continues when its inner flow ends', async () => {
    const id = await suite.f.start('appraisal', 'SP-1');
    expect(await suite.f.waitingAt(id)).toEqual(['check']);
    await suite.f.complete(id, 'check', { valid: true });
    expect(await suite.f.waitingAt(id)).toEqual(['sign']);
    expect((await suite.f.instance(id)).variables).toEqual({ valid: true });
    expect(await suite.f.historyOf(id, 'ELEMENT_COMPLETED')).toContain('ELEMENT_COMPLETED review');
  });

  it('catches an error end event with the boundary error event of the sub-process around it', async () => {
    const id = await suite.f.start('appraisal', 'SP-2');
    await suite.f.complete(id, 'check', { valid: false });
    expect(await suite.f.waitingAt(id)).toEqual(['refuse']);
    const history = await suite.f.historyOf(
      id,
      'ERROR_THROWN',
      'ELEMENT_TERMINATED',
      'ELEMENT_COMPLETED',
    );
    expect(history).toContain('ERROR_THROWN invalid');
    expect(history).toContain('ELEMENT_TERMINATED review');
    expect(history).not.toContain('ELEMENT_COMPLETED review');
  });

  it('refuses a step whose error nothing catches, leaving the dossier where it was', async () => {
    await suite.f.deploy(
      withDefinitions(
        'uncaught',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" camunda:candidateGroups="land" />
         <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err_invalid" /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
         <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="fail" />`,
      ),
    );
    const id = await suite.f.start('uncaught', 'SP-3');
    const task = (await suite.f.instance(id)).openTasks[0];
    const result = await suite.api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id) { state } }`,
      {
        id: task.id,
      },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'UNHANDLED_ERROR',
      elementId: 'fail',
      errorCode: 'INVALID_PAPERS',
    });
    expect(await suite.f.waitingAt(id)).toEqual(['check']);
  });

  it('lets a non-interrupting escalation boundary notify while the sub-process goes on', async () => {
    await suite.f.deploy(
      withDefinitions(
        'escalating',
        `<bpmn:startEvent id="start" />
         <bpmn:subProcess id="work">
           <bpmn:startEvent id="s" />
           <bpmn:parallelGateway id="fork" />
           <bpmn:intermediateThrowEvent id="warn"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:intermediateThrowEvent>
           <bpmn:userTask id="inner" camunda:candidateGroups="land" />
           <bpmn:endEvent id="warned" />
           <bpmn:sequenceFlow id="w1" sourceRef="s" targetRef="fork" />
           <bpmn:sequenceFlow id="w2" sourceRef="fork" targetRef="inner" />
           <bpmn:sequenceFlow id="w3" sourceRef="fork" targetRef="warn" />
           <bpmn:sequenceFlow id="w4" sourceRef="warn" targetRef="warned" />
         </bpmn:subProcess>
         <bpmn:boundaryEvent id="onLate" attachedToRef="work" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:boundaryEvent>
         <bpmn:userTask id="notifyLeader" camunda:candidateGroups="leader" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="work" />
         <bpmn:sequenceFlow id="b" sourceRef="work" targetRef="end" />
         <bpmn:sequenceFlow id="c" sourceRef="onLate" targetRef="notifyLeader" />`,
      ),
    );
    const id = await suite.f.start('escalating', 'SP-4');
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['inner', 'notifyLeader']);
    await suite.f.complete(id, 'inner');
    expect(await suite.f.waitingAt(id)).toEqual(['notifyLeader']);
    await suite.f.complete(id, 'notifyLeader');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
  });

  it('lets an escalation end event leave the sub-process through an interrupting boundary event', async () => {
    await suite.f.deploy(
      withDefinitions(
        'escalation-end',
        `<bpmn:startEvent id="start" />
         <bpmn:subProcess id="work">
           <bpmn:startEvent id="s" />
           <bpmn:userTask id="inner" camunda:candidateGroups="land" />
           <bpmn:endEvent id="tooLate"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:endEvent>
           <bpmn:sequenceFlow id="w1" sourceRef="s" targetRef="inner" />
           <bpmn:sequenceFlow id="w2" sourceRef="inner" targetRef="tooLate" />
         </bpmn:subProcess>
         <bpmn:boundaryEvent id="onLate" attachedToRef="work"><bpmn:escalationEventDefinition escalationRef="esc_late" /></bpmn:boundaryEvent>
         <bpmn:userTask id="leaderDecides" camunda:candidateGroups="leader" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="work" />
         <bpmn:sequenceFlow id="b" sourceRef="work" targetRef="end" />
         <bpmn:sequenceFlow id="c" sourceRef="onLate" targetRef="leaderDecides" />`,
      ),
    );
    const id = await suite.f.start('escalation-end', 'SP-7');
    await suite.f.complete(id, 'inner');
    expect(await suite.f.waitingAt(id)).toEqual(['leaderDecides']);
    expect(await suite.f.historyOf(id, 'ESCALATION_THROWN', 'ELEMENT_TERMINATED')).toEqual([
      'ESCALATION_THROWN tooLate',
      'ELEMENT_TERMINATED work',
    ]);
  });

  it('ends only its own scope with a terminate end event inside a sub-process', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'terminating',
        `<bpmn:startEvent id="start" />
         <bpmn:subProcess id="both">
           <bpmn:startEvent id="s" />
           <bpmn:parallelGateway id="fork" />
           <bpmn:userTask id="slow" camunda:candidateGroups="office" />
           <bpmn:userTask id="decisive" camunda:candidateGroups="leader" />
           <bpmn:endEvent id="stopAll"><bpmn:terminateEventDefinition /></bpmn:endEvent>
           <bpmn:sequenceFlow id="t1" sourceRef="s" targetRef="fork" />
           <bpmn:sequenceFlow id="t2" sourceRef="fork" targetRef="slow" />
           <bpmn:sequenceFlow id="t3" sourceRef="fork" targetRef="decisive" />
           <bpmn:sequenceFlow id="t4" sourceRef="decisive" targetRef="stopAll" />
         </bpmn:subProcess>
         <bpmn:userTask id="after" camunda:candidateGroups="reception" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="both" />
         <bpmn:sequenceFlow id="b" sourceRef="both" targetRef="after" />`,
      ),
    );
    const id = await suite.f.start('terminating', 'SP-5');
    await suite.f.complete(id, 'decisive');
    expect(await suite.f.waitingAt(id)).toEqual(['after']);
    expect(await suite.f.taskStates(id)).toEqual([
      'slow:CANCELED',
      'decisive:COMPLETED',
      'after:OPEN',
    ]);
  });

  it('ends the whole instance with a terminate end event at the process level', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'stop-everything',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="fork" />
         <bpmn:userTask id="one" camunda:candidateGroups="office" />
         <bpmn:userTask id="two" camunda:candidateGroups="leader" />
         <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="fork" />
         <bpmn:sequenceFlow id="b" sourceRef="fork" targetRef="one" />
         <bpmn:sequenceFlow id="c" sourceRef="fork" targetRef="two" />
         <bpmn:sequenceFlow id="d" sourceRef="two" targetRef="stop" />`,
      ),
    );
    const id = await suite.f.start('stop-everything', 'SP-6');
    await suite.f.complete(id, 'two');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    expect(await suite.f.taskStates(id)).toEqual(['one:CANCELED', 'two:COMPLETED']);
  });
});

describe('inclusive gateways', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    // Ask the agencies the dossier needs; go on when every one that was asked has answered.
    await suite.f.deploy(
      bpmnProcess(
        'ask-agencies',
        `<bpmn:startEvent id="start" />
         <bpmn:inclusiveGateway id="ask" default="none" />
         <bpmn:userTask id="police" camunda:candidateGroups="police" />
         <bpmn:userTask id="insurance" camunda:candidateGroups="social_insurance" />
         <bpmn:inclusiveGateway id="answered" />
         <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="ask" />
         <bpmn:sequenceFlow id="toPolice" sourceRef="ask" targetRef="police"><bpmn:conditionExpression>residence</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="toInsurance" sourceRef="ask" targetRef="insurance"><bpmn:conditionExpression>age &lt; 6</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="none" sourceRef="ask" targetRef="answered" />
         <bpmn:sequenceFlow id="p" sourceRef="police" targetRef="answered" />
         <bpmn:sequenceFlow id="i" sourceRef="insurance" targetRef="answered" />
         <bpmn:sequenceFlow id="s" sourceRef="answered" targetRef="sign" />`,
      ),
    );
  });

  it('takes every branch whose condition holds and joins when all of them are back', async () => {
    const id = await suite.f.start('ask-agencies', 'IG-1', { residence: true, age: 2 });
    expect(await suite.f.waitingAt(id)).toEqual(['police', 'insurance']);
    await suite.f.complete(id, 'insurance');
    expect(await suite.f.waitingAt(id)).toEqual(['police']);
    await suite.f.complete(id, 'police');
    expect(await suite.f.waitingAt(id)).toEqual(['sign']);
  });

  it('waits only for the branches that were taken', async () => {
    const id = await suite.f.start('ask-agencies', 'IG-2', { residence: true, age: 30 });
    expect(await suite.f.waitingAt(id)).toEqual(['police']);
    await suite.f.complete(id, 'police');
    expect(await suite.f.waitingAt(id)).toEqual(['sign']);
  });

  it('takes the default flow when no condition holds, and passes the join at once', async () => {
    const id = await suite.f.start('ask-agencies', 'IG-3', { residence: false, age: 30 });
    expect(await suite.f.waitingAt(id)).toEqual(['sign']);
  });
});
