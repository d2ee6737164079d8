import { fireDueTimers } from '../../../src/jobs/timers';
import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

const definitions = `
  <bpmn:message id="m_withdraw" name="withdraw" />
  <bpmn:message id="m_question" name="question" />
  <bpmn:error id="e_fraud" errorCode="FRAUD" />`;

describe('event sub-processes', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  beforeAll(async () => {
    await suite.f.deploy(
      bpmnProcess(
        'with-events',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="work" camunda:candidateGroups="land" />
         <bpmn:endEvent id="fraudFound"><bpmn:errorEventDefinition errorRef="e_fraud" /></bpmn:endEvent>
         <bpmn:endEvent id="end" />
         <bpmn:exclusiveGateway id="check" default="fine" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="work" />
         <bpmn:sequenceFlow id="b" sourceRef="work" targetRef="check" />
         <bpmn:sequenceFlow id="fine" sourceRef="check" targetRef="end" />
         <bpmn:sequenceFlow id="bad" sourceRef="check" targetRef="fraudFound"><bpmn:conditionExpression>fraud = true</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:subProcess id="onWithdraw" triggeredByEvent="true">
           <bpmn:startEvent id="withdrawStart"><bpmn:messageEventDefinition messageRef="m_withdraw" /></bpmn:startEvent>
           <bpmn:userTask id="returnPapers" camunda:candidateGroups="reception" />
           <bpmn:sequenceFlow id="w1" sourceRef="withdrawStart" targetRef="returnPapers" />
         </bpmn:subProcess>
         <bpmn:subProcess id="onQuestion" triggeredByEvent="true">
           <bpmn:startEvent id="questionStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="m_question" /></bpmn:startEvent>
           <bpmn:userTask id="answer" camunda:candidateGroups="office" />
           <bpmn:sequenceFlow id="q1" sourceRef="questionStart" targetRef="answer" />
         </bpmn:subProcess>
         <bpmn:subProcess id="onFraud" triggeredByEvent="true">
           <bpmn:startEvent id="fraudStart"><bpmn:errorEventDefinition errorRef="e_fraud" /></bpmn:startEvent>
           <bpmn:userTask id="report" camunda:candidateGroups="leader" />
           <bpmn:sequenceFlow id="r1" sourceRef="fraudStart" targetRef="report" />
         </bpmn:subProcess>
         <bpmn:subProcess id="onReminder" triggeredByEvent="true">
           <bpmn:startEvent id="reminderStart" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT12H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
           <bpmn:userTask id="remind" camunda:candidateGroups="land" />
           <bpmn:sequenceFlow id="t1" sourceRef="reminderStart" targetRef="remind" />
         </bpmn:subProcess>`,
      ).replace('<bpmn:process', `${definitions}\n  <bpmn:process`),
    );
  });

  it('a non-interrupting one runs beside the process, as often as its message comes', async () => {
    const id = await suite.f.start('with-events', 'ES-1');
    await suite.f.correlate('question', 'ES-1');
    await suite.f.correlate('question', 'ES-1');
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['answer', 'answer', 'work']);
    await suite.f.complete(id, 'work', { fraud: false });
    // The process waits for the questions still being answered.
    expect((await suite.f.instance(id)).status).toBe('ACTIVE');
    await suite.f.complete(id, 'answer');
    await suite.f.complete(id, 'answer');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    // Listening stopped with the process.
    expect((await suite.f.correlate('question', 'ES-1')).errors?.[0].extensions?.code).toBe(
      'MESSAGE_NOT_CORRELATED',
    );
  });

  it('an interrupting one ends everything else and takes over', async () => {
    const id = await suite.f.start('with-events', 'ES-2');
    await suite.f.correlate('question', 'ES-2');
    await suite.f.correlate('withdraw', 'ES-2', { reason: 'rút hồ sơ' });
    expect(await suite.f.waitingAt(id)).toEqual(['returnPapers']);
    expect(await suite.f.taskStates(id)).toEqual([
      'work:CANCELED',
      'answer:CANCELED',
      'returnPapers:OPEN',
    ]);
    expect((await suite.f.correlate('question', 'ES-2')).errors?.[0].extensions?.code).toBe(
      'MESSAGE_NOT_CORRELATED',
    );
    await suite.f.complete(id, 'returnPapers');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
  });

  it('an error start event catches an error thrown in its scope', async () => {
    const id = await suite.f.start('with-events', 'ES-3');
    await suite.f.complete(id, 'work', { fraud: true });
    expect(await suite.f.waitingAt(id)).toEqual(['report']);
    expect(await suite.f.historyOf(id, 'ERROR_THROWN', 'ELEMENT_ACTIVATED')).toContain(
      'ELEMENT_ACTIVATED onFraud',
    );
  });

  it('a timer start fires on its cycle while the scope lives', async () => {
    const id = await suite.f.start('with-events', 'ES-4');
    const at = (hours: number) => new Date(clock.now.getTime() + hours * 3600_000);
    expect(await fireDueTimers(suite.api.database.store, at(12))).toBe(1);
    expect(await fireDueTimers(suite.api.database.store, at(24))).toBe(1);
    expect(await fireDueTimers(suite.api.database.store, at(36))).toBe(0);
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['remind', 'remind', 'work']);
  });
});
