import { simulateWhatIf } from '../../../src/simulation/what-if';
import { bpmnProcess } from '../../support/bpmn';
import { modelOf } from '../../support/models';
import { reviewInputs } from '../../support/what-if';

const MESSAGES = `<bpmn:message id="withdraw" name="withdraw" />
  <bpmn:message id="paid" name="paid" />
  <bpmn:message id="refused" name="refused" />`;

describe('the what-if, where dossiers wait for messages', () => {
  it('leaves a withdrawal at a boundary or an event sub-process open: it never comes', async () => {
    const model = await modelOf(
      bpmnProcess(
        'withdrawable',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="Task_Check" camunda:candidateGroups="civil_status" />
         <bpmn:boundaryEvent id="withdrawn" attachedToRef="Task_Check">
           <bpmn:messageEventDefinition messageRef="withdraw" />
         </bpmn:boundaryEvent>
         <bpmn:endEvent id="end" />
         <bpmn:endEvent id="gone" />
         <bpmn:subProcess id="cancelled" triggeredByEvent="true">
           <bpmn:startEvent id="asked" isInterrupting="true">
             <bpmn:messageEventDefinition messageRef="withdraw" />
           </bpmn:startEvent>
           <bpmn:endEvent id="asked_end" />
           <bpmn:sequenceFlow id="s1" sourceRef="asked" targetRef="asked_end" />
         </bpmn:subProcess>
         <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="Task_Check" />
         <bpmn:sequenceFlow id="f1" sourceRef="Task_Check" targetRef="end" />
         <bpmn:sequenceFlow id="f2" sourceRef="withdrawn" targetRef="gone" />`,
        '',
        MESSAGES,
      ),
    );
    const result = simulateWhatIf(reviewInputs(model, { weeks: 1 }));
    expect(result.dossiers).toBeGreaterThan(0);
    expect(result.steps.map((s) => s.elementId)).toEqual(['Task_Check']);
    expect(result.failed).toBe(0);
    expect(result.unfinished).toBe(0);
    expect(result.results).toBe(result.dossiers);
  });

  it('answers one message at an event-based gateway, and goes on from there', async () => {
    const model = await modelOf(
      bpmnProcess(
        'either',
        `<bpmn:startEvent id="start" />
         <bpmn:eventBasedGateway id="which" />
         <bpmn:intermediateCatchEvent id="on_paid">
           <bpmn:messageEventDefinition messageRef="paid" />
         </bpmn:intermediateCatchEvent>
         <bpmn:receiveTask id="on_refused" messageRef="refused" />
         <bpmn:userTask id="Task_Check" camunda:candidateGroups="civil_status" />
         <bpmn:endEvent id="end" />
         <bpmn:endEvent id="refused_end" />
         <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="which" />
         <bpmn:sequenceFlow id="f1" sourceRef="which" targetRef="on_paid" />
         <bpmn:sequenceFlow id="f2" sourceRef="which" targetRef="on_refused" />
         <bpmn:sequenceFlow id="f3" sourceRef="on_paid" targetRef="Task_Check" />
         <bpmn:sequenceFlow id="f4" sourceRef="Task_Check" targetRef="end" />
         <bpmn:sequenceFlow id="f5" sourceRef="on_refused" targetRef="refused_end" />`,
        '',
        MESSAGES,
      ),
    );
    const result = simulateWhatIf(reviewInputs(model, { weeks: 1 }));
    expect(result.dossiers).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
    expect(result.unfinished).toBe(0);
    expect(result.results).toBe(result.dossiers);
    expect(result.steps.map((s) => s.elementId)).toEqual(['Task_Check']);
  });
});

describe('the what-if, where an event takes a step from an officer', () => {
  it('frees the officer of a step a timer interrupted while it was worked, failing nothing', async () => {
    const model = await modelOf(
      bpmnProcess(
        'interrupted',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="Task_Check" camunda:candidateGroups="civil_status" />
         <bpmn:boundaryEvent id="too_long" attachedToRef="Task_Check">
           <bpmn:timerEventDefinition><bpmn:timeDuration>PT10M</bpmn:timeDuration></bpmn:timerEventDefinition>
         </bpmn:boundaryEvent>
         <bpmn:endEvent id="end" />
         <bpmn:userTask id="Task_Sign" camunda:candidateGroups="leader" />
         <bpmn:endEvent id="signed" />
         <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="Task_Check" />
         <bpmn:sequenceFlow id="f1" sourceRef="Task_Check" targetRef="end" />
         <bpmn:sequenceFlow id="f2" sourceRef="too_long" targetRef="Task_Sign" />
         <bpmn:sequenceFlow id="f3" sourceRef="Task_Sign" targetRef="signed" />`,
      ),
    );
    // Each check takes 30 to 90 minutes: the timer always comes first, and the dossier goes on to
    // the leader's signature (two hours) while its checker is still at work.
    const inputs = reviewInputs(model, { weeks: 1 });
    inputs.observed.workMinutes.Task_Sign = [120];
    const result = simulateWhatIf(inputs);
    expect(result.dossiers).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
    expect(result.unfinished).toBe(0);
    expect(result.results).toBe(result.dossiers);
  });
});
