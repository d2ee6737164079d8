import { Run } from '../driver';

const FLOW = `<bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="split" />
  <bpmn:parallelGateway id="split" />
  <bpmn:sequenceFlow id="s1" sourceRef="split" targetRef="police" />
  <bpmn:sequenceFlow id="s2" sourceRef="split" targetRef="insurance" />
  <bpmn:userTask id="police" tthc:role="office" /><bpmn:userTask id="insurance" tthc:role="office" />
  <bpmn:sequenceFlow id="j1" sourceRef="police" targetRef="join" />
  <bpmn:sequenceFlow id="j2" sourceRef="insurance" targetRef="join" />
  <bpmn:parallelGateway id="join" />
  <bpmn:sequenceFlow id="after" sourceRef="join" targetRef="sign" />
  <bpmn:userTask id="sign" tthc:role="office" />`;

describe('a parallel gateway', () => {
  it('splits into a token per outgoing flow', async () => {
    expect((await Run.start(FLOW)).tokens()).toEqual(['insurance', 'police']);
  });

  it('joins once a token arrived by each incoming flow', async () => {
    const run = await Run.start(FLOW);
    run.complete('police');
    expect(run.tokens()).toEqual(['insurance', 'join']);
    expect(run.of('CREATE_TASK')).toEqual([]);
    run.complete('insurance');
    expect(run.tokens()).toEqual(['sign']);
  });
});
