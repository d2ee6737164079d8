import { Run, between } from '../driver';

const LOOKUP = '<bpmn:serviceTask id="lookup" tthc:jobType="population-lookup" />';

describe('a service task', () => {
  it('waits while a job of its type does the work', async () => {
    const run = await Run.start(between(LOOKUP, 'lookup', 'lookup'));
    expect(run.tokens()).toEqual(['lookup']);
    expect(run.of('CREATE_JOB')).toEqual([
      expect.objectContaining({ elementId: 'lookup', jobType: 'population-lookup' }),
    ]);
  });

  it("moves on with the job's variables when the job completes", async () => {
    const run = await Run.start(between(LOOKUP, 'lookup', 'lookup'));
    run.completeJob('lookup', { resident: true });
    expect(run.variables()).toEqual({ resident: true });
    expect(run.state.status).toBe('COMPLETED');
  });

  it('takes the error boundary event when the worker reports a BPMN error', async () => {
    const run = await Run.start(
      `${between(LOOKUP, 'lookup', 'lookup')}
       <bpmn:boundaryEvent id="failed" attachedToRef="lookup">
         <bpmn:errorEventDefinition errorRef="e" />
       </bpmn:boundaryEvent>
       <bpmn:userTask id="byHand" tthc:role="office" />
       <bpmn:sequenceFlow id="f" sourceRef="failed" targetRef="byHand" />`,
      {},
      { rootElements: '<bpmn:error id="e" errorCode="NOT_FOUND_IN_REGISTER" />' },
    );
    run.throwError('lookup', 'NOT_FOUND_IN_REGISTER');
    expect(run.tokens()).toEqual(['byHand']);
  });
});
