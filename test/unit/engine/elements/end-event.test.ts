import { Run } from '../driver';

describe('an end event', () => {
  it('completes the instance when its last token ends there', async () => {
    const run = await Run.start(
      `<bpmn:startEvent id="start" /><bpmn:endEvent id="end" />
       <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />`,
    );
    expect(run.state.status).toBe('COMPLETED');
    expect(run.history()).toContain('PROCESS_COMPLETED p');
  });

  it('as a terminate end, ends every other token of its scope', async () => {
    const run = await Run.start(
      `<bpmn:startEvent id="start" />
       <bpmn:parallelGateway id="split" />
       <bpmn:userTask id="slow" tthc:role="office" /><bpmn:userTask id="refuse" tthc:role="office" />
       <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
       <bpmn:endEvent id="end" />
       <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="split" />
       <bpmn:sequenceFlow id="f1" sourceRef="split" targetRef="slow" />
       <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="refuse" />
       <bpmn:sequenceFlow id="f3" sourceRef="slow" targetRef="end" />
       <bpmn:sequenceFlow id="f4" sourceRef="refuse" targetRef="stop" />`,
    );
    run.complete('refuse');
    expect(run.tokens()).toEqual([]);
    expect(run.of('CANCEL_TASK')).toHaveLength(1);
    expect(run.state.status).not.toBe('ACTIVE');
  });
});
