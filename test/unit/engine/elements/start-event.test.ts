import { Run, between } from '../driver';

describe('a start event', () => {
  it('passes the new token straight on, with the variables the instance started with', async () => {
    const run = await Run.start(between('<bpmn:userTask id="a" tthc:role="office" />', 'a', 'a'), {
      child: 'An',
    });
    expect(run.tokens()).toEqual(['a']);
    expect(run.variables()).toEqual({ child: 'An' });
    expect(run.history()).toEqual(
      expect.arrayContaining([
        'PROCESS_STARTED p',
        'ELEMENT_COMPLETED start',
        'SEQUENCE_FLOW_TAKEN in',
      ]),
    );
  });

  it('starts at the message start event it is asked to', async () => {
    const run = await Run.start(
      `<bpmn:startEvent id="byPost" />
       <bpmn:startEvent id="online"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
       <bpmn:userTask id="a" tthc:role="office" /><bpmn:userTask id="b" tthc:role="office" />
       <bpmn:sequenceFlow id="f1" sourceRef="byPost" targetRef="a" />
       <bpmn:sequenceFlow id="f2" sourceRef="online" targetRef="b" />`,
      {},
      { rootElements: '<bpmn:message id="m" name="submitted" />', startEventId: 'online' },
    );
    expect(run.tokens()).toEqual(['b']);
  });

  describe('several none start events', () => {
    const TWO_WAYS_IN = `
      <bpmn:startEvent id="atDesk" /><bpmn:startEvent id="online" />
      <bpmn:userTask id="a" tthc:role="office" /><bpmn:userTask id="b" tthc:role="office" />
      <bpmn:sequenceFlow id="f1" sourceRef="atDesk" targetRef="a" />
      <bpmn:sequenceFlow id="f2" sourceRef="online" targetRef="b" />`;

    it('in a process, each is a way in: the one named, else the first', async () => {
      expect((await Run.start(TWO_WAYS_IN)).tokens()).toEqual(['a']);
      expect((await Run.start(TWO_WAYS_IN, {}, { startEventId: 'online' })).tokens()).toEqual([
        'b',
      ]);
    });

    it('in a sub-process, each gets a token when it starts', async () => {
      const inner = TWO_WAYS_IN.replaceAll('id="f', 'id="in_f');
      const run = await Run.start(
        between(`<bpmn:subProcess id="sub">${inner}</bpmn:subProcess>`, 'sub', 'sub'),
      );
      expect(run.tokens()).toEqual(['a', 'b', 'sub']);
    });
  });
});
