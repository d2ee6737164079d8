import { Run } from '../driver';

const FLOW = `<bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="fee" />
  <bpmn:exclusiveGateway id="fee" default="free" />
  <bpmn:sequenceFlow id="paid" sourceRef="fee" targetRef="pay">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=copies > 2</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="free" sourceRef="fee" targetRef="sign" />
  <bpmn:userTask id="pay" tthc:role="office" /><bpmn:userTask id="sign" tthc:role="office" />`;

describe('an exclusive gateway', () => {
  it('takes the flow whose condition holds', async () => {
    expect((await Run.start(FLOW, { copies: 3 })).tokens()).toEqual(['pay']);
  });

  it('takes the default flow when no condition holds', async () => {
    expect((await Run.start(FLOW, { copies: 1 })).tokens()).toEqual(['sign']);
  });

  it('refuses a condition it cannot evaluate, naming the gateway', async () => {
    await expect(Run.start(FLOW, {})).rejects.toMatchObject({
      details: expect.objectContaining({ elementId: 'fee' }),
    });
  });
});
