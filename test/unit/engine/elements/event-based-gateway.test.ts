import { Run } from '../driver';

const FLOW = `<bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="wait" />
  <bpmn:eventBasedGateway id="wait" />
  <bpmn:sequenceFlow id="f1" sourceRef="wait" targetRef="paid" />
  <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="tooLate" />
  <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="tooLate">
    <bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f3" sourceRef="paid" targetRef="process" />
  <bpmn:sequenceFlow id="f4" sourceRef="tooLate" targetRef="remind" />
  <bpmn:userTask id="process" tthc:role="office" /><bpmn:userTask id="remind" tthc:role="office" />`;
const MESSAGE = { rootElements: '<bpmn:message id="m" name="fee-paid" />' };

describe('an event-based gateway', () => {
  it('listens for every event after it at once', async () => {
    const run = await Run.start(FLOW, {}, MESSAGE);
    expect(run.tokens()).toEqual(['wait']);
    expect(
      run
        .of('OPEN_SUBSCRIPTION')
        .map((e) => ('messageName' in e.subscription ? e.subscription.messageName : '')),
    ).toEqual(['fee-paid']);
    expect(run.of('SCHEDULE_TIMER').map((e) => e.timer.elementId)).toEqual(['tooLate']);
  });

  it('follows the first event to come and stops listening for the others', async () => {
    const run = await Run.start(FLOW, {}, MESSAGE);
    run.correlate('fee-paid', { amount: 50000 });
    expect(run.tokens()).toEqual(['process']);
    expect(run.of('CANCEL_TIMER')).toHaveLength(1);
    expect(run.state.subscriptions).toEqual([]);
  });

  it('follows the timer when it fires first', async () => {
    const run = await Run.start(FLOW, {}, MESSAGE);
    run.fire('tooLate');
    expect(run.tokens()).toEqual(['remind']);
    expect(run.of('CLOSE_SUBSCRIPTION')).toHaveLength(1);
  });
});
