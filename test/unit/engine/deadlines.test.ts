import { step } from '../../../src/engine/step';
import { bpmnProcess } from '../../support/bpmn';
import { modelOf } from '../../support/models';

const T0 = '2026-03-02T02:00:00.000Z';

describe('step() and the dossier deadline', () => {
  it('keeps the appointment when an interrupting event sub-process takes over, and drops it at the end', async () => {
    const model = await modelOf(
      bpmnProcess(
        'withdrawable',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
         <bpmn:subProcess id="withdraw" triggeredByEvent="true">
           <bpmn:startEvent id="onWithdraw"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
           <bpmn:userTask id="returnPapers" camunda:candidateGroups="reception" />
           <bpmn:sequenceFlow id="w" sourceRef="onWithdraw" targetRef="returnPapers" />
         </bpmn:subProcess>`,
        'tthc:statutoryDuration="3 working days"',
        '<bpmn:message id="m" name="withdrawn" />',
      ),
    );
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    const deadline = started.state.subscriptions.find((s) => s.kind === 'timer' && s.deadline);
    const message = started.state.subscriptions.find((s) => s.kind === 'message');
    expect(deadline).toBeDefined();
    const withdrawn = step(
      model,
      started.state,
      { type: 'CORRELATE_MESSAGE', subscriptionId: message!.id, variables: {} },
      T0,
    );
    expect(withdrawn.state.subscriptions).toContainEqual(deadline);
    expect(withdrawn.effects).not.toContainEqual({
      type: 'CANCEL_TIMER',
      subscriptionId: deadline!.id,
    });
    const token = withdrawn.state.tokens.find((t) => t.elementId === 'returnPapers')!;
    const done = step(
      model,
      withdrawn.state,
      { type: 'COMPLETE_TASK', waitId: token.id, variables: {} },
      T0,
    );
    expect(done.state.status).toBe('COMPLETED');
    expect(done.state.subscriptions).toEqual([]);
    expect(done.effects).toContainEqual({ type: 'CANCEL_TIMER', subscriptionId: deadline!.id });
  });

  it('warns a working day before only the catchers that name DOSSIER_DUE_SOON', async () => {
    const model = await modelOf(
      bpmnProcess(
        'warned',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
         <bpmn:subProcess id="anyEscalation" triggeredByEvent="true">
           <bpmn:startEvent id="onAny"><bpmn:escalationEventDefinition /></bpmn:startEvent>
           <bpmn:userTask id="takeOver" camunda:candidateGroups="leader" />
           <bpmn:sequenceFlow id="x" sourceRef="onAny" targetRef="takeOver" />
         </bpmn:subProcess>
         <bpmn:subProcess id="apology" triggeredByEvent="true">
           <bpmn:startEvent id="onDueSoon" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="soon" /></bpmn:startEvent>
           <bpmn:userTask id="apologize" camunda:candidateGroups="reception" />
           <bpmn:sequenceFlow id="y" sourceRef="onDueSoon" targetRef="apologize" />
         </bpmn:subProcess>`,
        'tthc:statutoryDuration="3 working days"',
        '<bpmn:escalation id="soon" escalationCode="DOSSIER_DUE_SOON" />',
      ),
    );
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    const warning = started.state.subscriptions.find((s) => s.kind === 'timer' && s.warning);
    // Three working days from Monday 09:00 is Thursday 09:00: the warning is Wednesday 09:00.
    expect(warning).toMatchObject({ dueAt: '2026-03-04T02:00:00.000Z' });
    const warned = step(
      model,
      started.state,
      { type: 'FIRE_TIMER', subscriptionId: warning!.id },
      '2026-03-04T02:00:00.000Z',
    );
    const waiting = warned.state.tokens.map((t) => t.elementId).sort();
    expect(waiting).toEqual(['apologize', 'check']);
    expect(warned.state.deadline).toMatchObject({ warned: true });
    expect(warned.state.deadline?.overdue).toBeUndefined();
  });
});
