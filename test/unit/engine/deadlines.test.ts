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

  it('holds the clock from outside (a supplement request) and moves every deadline by the working time held', async () => {
    const model = await modelOf(
      bpmnProcess(
        'held',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" camunda:candidateGroups="land" tthc:stepDuration="2 working days" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />`,
        'tthc:statutoryDuration="3 working days"',
      ),
    );
    // Monday 09:00 in Hanoi: due Thursday at the same hour, the step on Wednesday.
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    const appointment = started.state.deadline!.dueAt;
    const held = step(model, started.state, { type: 'HOLD_CLOCK' }, '2026-03-02T03:00:00.000Z');
    expect(held.state.clock).toMatchObject({ held: true, pauses: 1 });
    expect(() => step(model, held.state, { type: 'HOLD_CLOCK' }, T0)).toThrow(/already held/);
    // Released at Tuesday 10:00: one working day held.
    const released = step(model, held.state, { type: 'RELEASE_CLOCK' }, '2026-03-03T03:00:00.000Z');
    expect(released.state.clock).toEqual({ pausedMinutes: 450, pauses: 1 });
    expect(released.state.deadline!.dueAt).toBe('2026-03-06T02:00:00.000Z');
    expect(appointment).toBe('2026-03-05T02:00:00.000Z');
    const task = released.state.tokens.find((t) => t.elementId === 'check')!;
    expect(released.effects).toContainEqual({
      type: 'SET_TASK_DEADLINE',
      waitId: task.id,
      dueAt: '2026-03-05T02:00:00.000Z',
      overdue: false,
    });
    expect(() => step(model, released.state, { type: 'RELEASE_CLOCK' }, T0)).toThrow(/not held/);
  });
});
