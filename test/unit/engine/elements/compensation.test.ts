import { Run } from '../driver';

/** Two steps, each undone by its handler, then an event that compensates: `thrower`. */
const flow = (thrower: string) => `
  <bpmn:startEvent id="s" />
  <bpmn:task id="book" />
  <bpmn:task id="charge" />
  <bpmn:boundaryEvent id="bookUndo" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
  <bpmn:boundaryEvent id="chargeUndo" attachedToRef="charge"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
  <bpmn:userTask id="cancelBooking" isForCompensation="true" tthc:role="office" />
  <bpmn:scriptTask id="refund" isForCompensation="true"><bpmn:extensionElements><zeebe:script expression="=&quot;refunded&quot;" resultVariable="payment" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:association id="a1" associationDirection="One" sourceRef="bookUndo" targetRef="cancelBooking" />
  <bpmn:association id="a2" associationDirection="One" sourceRef="chargeUndo" targetRef="refund" />
  ${thrower}
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="book" />
  <bpmn:sequenceFlow id="f2" sourceRef="book" targetRef="charge" />
  <bpmn:sequenceFlow id="f3" sourceRef="charge" targetRef="undo" />`;

describe('compensation', () => {
  it('an end event undoes the completed steps, the latest first, one after another', async () => {
    const run = await Run.start(
      flow('<bpmn:endEvent id="undo"><bpmn:compensateEventDefinition /></bpmn:endEvent>'),
    );
    // The refund (undoing the later step) ran first; the booking's handler now waits for an officer.
    expect(run.variables()).toEqual({ payment: 'refunded' });
    expect(run.tokens()).toEqual(['cancelBooking', 'undo']);
    run.complete('cancelBooking');
    expect(run.state.status).toBe('COMPLETED');
    expect(run.history()).toContain('ELEMENT_COMPLETED undo');
  });

  it('a throw event names one activity, undoes only it, and goes on once it is undone', async () => {
    const run = await Run.start(
      flow(`<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition activityRef="book" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="after" tthc:role="office" />
            <bpmn:sequenceFlow id="f4" sourceRef="undo" targetRef="after" />`),
    );
    expect(run.tokens()).toEqual(['cancelBooking', 'undo']);
    run.complete('cancelBooking');
    expect(run.tokens()).toEqual(['after']);
    expect(run.variables()).toEqual({});
  });

  it('undoes each completion once', async () => {
    const run = await Run.start(
      flow(`<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition activityRef="charge" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="again"><bpmn:compensateEventDefinition activityRef="charge" /></bpmn:intermediateThrowEvent>
            <bpmn:userTask id="after" tthc:role="office" />
            <bpmn:sequenceFlow id="f4" sourceRef="undo" targetRef="again" />
            <bpmn:sequenceFlow id="f5" sourceRef="again" targetRef="after" />`),
    );
    expect(run.tokens()).toEqual(['after']);
    expect(
      run.all.filter(
        (e) =>
          e.type === 'HISTORY' && e.eventType === 'ELEMENT_ACTIVATED' && e.elementId === 'refund',
      ),
    ).toHaveLength(1);
  });
});
