import { Run } from '../driver';

const FLOW = `<bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="split" />
  <bpmn:inclusiveGateway id="split" default="none" />
  <bpmn:sequenceFlow id="toPolice" sourceRef="split" targetRef="police">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=residence</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="toInsurance" sourceRef="split" targetRef="insurance">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=insurance</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="none" sourceRef="split" targetRef="join" />
  <bpmn:userTask id="police" tthc:role="office" /><bpmn:userTask id="insurance" tthc:role="office" />
  <bpmn:sequenceFlow id="j1" sourceRef="police" targetRef="join" />
  <bpmn:sequenceFlow id="j2" sourceRef="insurance" targetRef="join" />
  <bpmn:inclusiveGateway id="join" />
  <bpmn:sequenceFlow id="after" sourceRef="join" targetRef="sign" />
  <bpmn:userTask id="sign" tthc:role="office" />`;

describe('an inclusive gateway', () => {
  it('takes every flow whose condition holds', async () => {
    const run = await Run.start(FLOW, { residence: true, insurance: true });
    expect(run.tokens()).toEqual(['insurance', 'police']);
  });

  it('joins when the branches that were taken have arrived, not the others', async () => {
    const run = await Run.start(FLOW, { residence: true, insurance: false });
    expect(run.tokens()).toEqual(['police']);
    run.complete('police');
    expect(run.tokens()).toEqual(['sign']);
  });

  it('takes the default flow when no condition holds', async () => {
    const run = await Run.start(FLOW, { residence: false, insurance: false });
    expect(run.tokens()).toEqual(['sign']);
  });
});
