import { Run, between } from '../driver';

/** A process whose event sub-process starts on a message, interrupting or not. */
const flow = (
  interrupting: boolean,
) => `${between('<bpmn:userTask id="check" tthc:role="office" />', 'check', 'check')}
  <bpmn:subProcess id="onWithdraw" triggeredByEvent="true">
    <bpmn:startEvent id="withdrawn" isInterrupting="${interrupting}">
      <bpmn:messageEventDefinition messageRef="m" />
    </bpmn:startEvent>
    <bpmn:userTask id="form" tthc:role="office" />
    <bpmn:endEvent id="done" />
    <bpmn:sequenceFlow id="e1" sourceRef="withdrawn" targetRef="form" />
    <bpmn:sequenceFlow id="e2" sourceRef="form" targetRef="done" />
  </bpmn:subProcess>`;
const MESSAGE = { rootElements: '<bpmn:message id="m" name="withdraw" />' };

describe('an event sub-process', () => {
  it('listens while its scope runs', async () => {
    const run = await Run.start(flow(true), {}, MESSAGE);
    expect(run.state.subscriptions.map((s) => s.elementId)).toEqual(['withdrawn']);
  });

  it('when interrupting, ends everything else in its scope and runs in its place', async () => {
    const run = await Run.start(flow(true), {}, MESSAGE);
    run.correlate('withdraw');
    expect(run.tokens()).toEqual(['form']);
    expect(run.state.scopes.map((scope) => scope.elementId)).toContain('onWithdraw');
    expect(run.of('CANCEL_TASK')).toHaveLength(1);
  });

  it('when not interrupting, runs beside the rest', async () => {
    const run = await Run.start(flow(false), {}, MESSAGE);
    run.correlate('withdraw');
    expect(run.tokens()).toEqual(['check', 'form']);
    expect(run.of('CANCEL_TASK')).toEqual([]);
  });
});
