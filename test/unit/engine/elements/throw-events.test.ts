import { Run, between } from '../driver';

describe('an intermediate throw event', () => {
  it('with no definition, passes straight on', async () => {
    const run = await Run.start(
      between(
        '<bpmn:intermediateThrowEvent id="noted" /><bpmn:userTask id="a" tthc:role="office" /><bpmn:sequenceFlow id="f" sourceRef="noted" targetRef="a" />',
        'noted',
        'a',
      ),
    );
    expect(run.tokens()).toEqual(['a']);
    expect(run.history()).toContain('ELEMENT_COMPLETED noted');
  });

  it('throws an escalation that a non-interrupting boundary event catches, and goes on', async () => {
    const inner = between(
      `<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="x" /></bpmn:intermediateThrowEvent>
       <bpmn:userTask id="a" tthc:role="office" />
       <bpmn:sequenceFlow id="f" sourceRef="raise" targetRef="a" />`,
      'raise',
      'a',
      'inner_',
    );
    const run = await Run.start(
      `${between(`<bpmn:subProcess id="work">${inner}</bpmn:subProcess>`, 'work', 'work')}
       <bpmn:boundaryEvent id="told" attachedToRef="work" cancelActivity="false">
         <bpmn:escalationEventDefinition escalationRef="x" />
       </bpmn:boundaryEvent>
       <bpmn:userTask id="leader" tthc:role="office" />
       <bpmn:sequenceFlow id="g" sourceRef="told" targetRef="leader" />`,
      {},
      { rootElements: '<bpmn:escalation id="x" escalationCode="LATE" />' },
    );
    expect(run.tokens()).toEqual(['a', 'leader', 'work']);
  });

  it('a message throw with a zeebe:taskDefinition is sent by a job worker, then goes on', async () => {
    const run = await Run.start(
      between(
        `<bpmn:intermediateThrowEvent id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="sms" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:intermediateThrowEvent>
         <bpmn:userTask id="a" tthc:role="office" />
         <bpmn:sequenceFlow id="f" sourceRef="notify" targetRef="a" />`,
        'notify',
        'a',
      ),
    );
    expect(run.of('CREATE_JOB')).toEqual([
      expect.objectContaining({ elementId: 'notify', jobType: 'sms' }),
    ]);
    run.completeJob('notify');
    expect(run.tokens()).toEqual(['a']);
  });
});
