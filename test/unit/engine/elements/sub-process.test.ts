import { Run, between } from '../driver';

const INNER = between(
  '<bpmn:userTask id="check" tthc:role="office" />',
  'check',
  'check',
  'inner_',
);
const FLOW = `${between(`<bpmn:subProcess id="review">${INNER}</bpmn:subProcess>`, 'review', 'review')}`;

describe('an embedded sub-process', () => {
  it('waits while its inner flow runs in a scope of its own', async () => {
    const run = await Run.start(FLOW, { child: 'An' });
    expect(run.tokens()).toEqual(['check', 'review']);
    expect(run.state.scopes.map((scope) => scope.elementId)).toEqual(['process', 'review']);
  });

  it('moves on when its inner flow ends, the scope gone', async () => {
    const run = await Run.start(FLOW);
    run.complete('check', { complete: true });
    expect(run.state.status).toBe('COMPLETED');
    expect(run.variables()).toEqual({ complete: true });
  });

  it('catches an error thrown inside on its boundary, ending the inner flow', async () => {
    const inner = `<bpmn:startEvent id="inner_start" />
      <bpmn:userTask id="check" tthc:role="office" />
      <bpmn:endEvent id="incomplete"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
      <bpmn:sequenceFlow id="inner_in" sourceRef="inner_start" targetRef="check" />
      <bpmn:sequenceFlow id="bad" sourceRef="check" targetRef="incomplete" />`;
    const run = await Run.start(
      `${between(`<bpmn:subProcess id="review">${inner}</bpmn:subProcess>`, 'review', 'review')}
       <bpmn:boundaryEvent id="refused" attachedToRef="review"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
       <bpmn:userTask id="form03" tthc:role="office" />
       <bpmn:sequenceFlow id="g" sourceRef="refused" targetRef="form03" />`,
      {},
      { rootElements: '<bpmn:error id="e" errorCode="INCOMPLETE" />' },
    );
    run.complete('check');
    expect(run.tokens()).toEqual(['form03']);
  });
});
