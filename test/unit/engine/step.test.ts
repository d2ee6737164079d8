import type { ProcessModel } from '../../../src/bpmn/model';
import { step } from '../../../src/engine/step';
import type { Command, Effect, InstanceState, StepResult } from '../../../src/engine/types';
import { bpmnProcess } from '../../support/bpmn';
import { modelFrom, modelOf } from '../../support/models';

const T0 = '2026-03-02T02:00:00.000Z';
const T1 = '2026-03-02T03:00:00.000Z';

const tasksCreated = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'CREATE_TASK' ? [`${e.elementId}#${e.waitId}`] : []));
const history = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'HISTORY' ? [`${e.eventType} ${e.elementId}`] : []));

/** Completes the one task waiting at `elementId`. */
function complete(
  model: ProcessModel,
  state: InstanceState,
  elementId: string,
  variables = {},
  now = T1,
): StepResult {
  const token = state.tokens.find((t) => t.elementId === elementId);
  if (!token) throw new Error(`no token at ${elementId}: ${JSON.stringify(state.tokens)}`);
  return step(
    model,
    state,
    { type: 'COMPLETE_TASK', waitId: token.id, variables, actor: 'officer' },
    now,
  );
}

describe('step() on the birth registration', () => {
  let model: ProcessModel;
  beforeAll(async () => {
    model = await modelFrom('processes/civil-status/birth-registration.bpmn');
  });

  it('starts at reception with one task for the reception role, and the appointment due', () => {
    const { state, effects } = step(
      model,
      undefined,
      { type: 'START', variables: { child: 'An' } },
      T0,
    );
    expect(state).toEqual({
      status: 'ACTIVE',
      businessKey: null,
      scopes: [{ id: 0, elementId: 'process', variables: { child: 'An' } }],
      tokens: [{ id: 2, elementId: 'Task_Receive', scopeId: 0 }],
      // Within the working day: received Monday 2 March at 09:00, due when the office closes
      // that day (17:00 Vietnam time by the default hours).
      deadline: { dueAt: '2026-03-02T10:00:00.000Z', since: T0 },
      subscriptions: [
        {
          id: 1,
          kind: 'timer',
          dueAt: '2026-03-02T10:00:00.000Z',
          elementId: 'birth-registration',
          scopeId: 0,
          deadline: true,
        },
      ],
      nextId: 3,
    });
    expect(effects).toContainEqual({
      type: 'CREATE_TASK',
      waitId: 2,
      elementId: 'Task_Receive',
      name: 'Tiếp nhận hồ sơ',
      candidateGroups: ['reception'],
    });
    expect(history(effects)[0]).toBe('PROCESS_STARTED birth-registration');
    expect(
      effects.filter((e) => e.type === 'HISTORY').every((e) => e.type === 'HISTORY' && e.at === T0),
    ).toBe(true);
  });

  it('follows the complete branch to the leader, and the supplement branch back to reception', () => {
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    const checking = complete(model, started.state, 'Task_Receive');
    expect(tasksCreated(checking.effects)).toEqual(['Task_Check#3']);

    const toLeader = complete(model, checking.state, 'Task_Check', { complete: true });
    expect(tasksCreated(toLeader.effects)).toEqual(['Task_Sign#4']);
    expect(history(toLeader.effects)).toContain('SEQUENCE_FLOW_TAKEN Flow_Complete');

    const back = complete(model, checking.state, 'Task_Check', { complete: false });
    expect(tasksCreated(back.effects)).toEqual(['Task_Receive#4']);
    expect(history(back.effects)).toContain('SEQUENCE_FLOW_TAKEN Flow_NeedsSupplement');
  });

  it('completes the instance when the last token ends', () => {
    let { state } = step(model, undefined, { type: 'START', variables: {} }, T0);
    state = complete(model, state, 'Task_Receive').state;
    state = complete(model, state, 'Task_Check', { complete: true }).state;
    const signed = complete(model, state, 'Task_Sign');
    // The result reaches the desk with the return step: judged now, the appointment no longer
    // watched, whenever the citizen collects it.
    expect(signed.state.resultReadyAt).toBe(T1);
    expect(history(signed.effects)).toContain('RESULT_READY Task_ReturnResult');
    expect(signed.effects).toContainEqual({ type: 'CANCEL_TIMER', subscriptionId: 1 });
    const last = complete(model, signed.state, 'Task_ReturnResult');
    expect(last.state.status).toBe('COMPLETED');
    expect(last.state.resultReadyAt).toBe(T1);
    expect(last.state.tokens).toEqual([]);
    expect(history(last.effects).slice(-1)).toEqual(['PROCESS_COMPLETED birth-registration']);
    expect(last.effects).toContainEqual({ type: 'COMPLETE_TASK', waitId: 5, actor: 'officer' });
    expect(() =>
      complete(
        model,
        { ...last.state, tokens: [{ id: 9, elementId: 'Task_Sign', scopeId: 0 }] },
        'Task_Sign',
      ),
    ).toThrow(expect.objectContaining({ code: 'INSTANCE_NOT_ACTIVE' }));
  });

  it('is deterministic and leaves its arguments untouched', () => {
    const started = step(model, undefined, { type: 'START', variables: { a: 1 } }, T0);
    const command: Command = {
      type: 'COMPLETE_TASK',
      waitId: 2,
      variables: { note: 'ok' },
      actor: 'x',
    };
    const frozen = structuredClone(started.state);
    const once = step(model, started.state, command, T1);
    const again = step(model, started.state, command, T1);
    expect(again).toEqual(once);
    expect(started.state).toEqual(frozen);
    expect(step(model, undefined, { type: 'START', variables: { a: 1 } }, T0)).toEqual(started);
  });

  it('runs the same from a state that went through JSON (as stored in PostgreSQL)', () => {
    const started = step(
      model,
      undefined,
      { type: 'START', variables: { when: '2026-03-02' } },
      T0,
    );
    const rehydrated = JSON.parse(JSON.stringify(started.state)) as InstanceState;
    expect(complete(model, rehydrated, 'Task_Receive')).toEqual(
      complete(model, started.state, 'Task_Receive'),
    );
  });

  it('refuses a condition on a missing variable, naming the gateway and flow', () => {
    const { state } = complete(
      model,
      step(model, undefined, { type: 'START', variables: {} }, T0).state,
      'Task_Receive',
    );
    expect(() => complete(model, state, 'Task_Check', {})).toThrow(
      expect.objectContaining({
        code: 'CONDITION_FAILED',
        details: { elementId: 'Gateway_Complete', flowId: 'Flow_Complete' },
      }),
    );
    // FEEL compares a text with true as null: no guess, the step fails.
    expect(() => complete(model, state, 'Task_Check', { complete: 'yes' })).toThrow(
      expect.objectContaining({
        code: 'CONDITION_FAILED',
        details: { elementId: 'Gateway_Complete', flowId: 'Flow_Complete' },
      }),
    );
  });

  it('refuses to complete a wait that is not a task of the instance', () => {
    const { state } = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(() =>
      step(model, state, { type: 'COMPLETE_TASK', waitId: 42, variables: {} }, T1),
    ).toThrow(expect.objectContaining({ code: 'TASK_NOT_OPEN' }));
  });
});

describe('step() on parallel gateways', () => {
  let model: ProcessModel;
  beforeAll(async () => {
    model = await modelFrom('test/fixtures/parallel-review.bpmn');
  });

  it('splits into one task per branch and joins once, when both have arrived', () => {
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(tasksCreated(started.effects)).toEqual(['civilCheck#1', 'policeCheck#2']);
    expect(started.effects).toContainEqual(
      expect.objectContaining({
        elementId: 'policeCheck',
        candidateGroups: ['police', 'residence'],
      }),
    );

    const oneDone = complete(model, started.state, 'policeCheck');
    expect(tasksCreated(oneDone.effects)).toEqual([]);
    expect(oneDone.state.tokens).toEqual([
      { id: 1, elementId: 'civilCheck', scopeId: 0 },
      { id: 3, elementId: 'join', scopeId: 0, arrivedVia: 'policeDone' },
    ]);
    expect(history(oneDone.effects)).not.toContain('ELEMENT_ACTIVATED join');

    const bothDone = complete(model, oneDone.state, 'civilCheck');
    expect(tasksCreated(bothDone.effects)).toEqual(['sign#5']);
    expect(history(bothDone.effects).filter((h) => h === 'ELEMENT_COMPLETED join')).toHaveLength(1);
    expect(bothDone.state.tokens).toEqual([{ id: 5, elementId: 'sign', scopeId: 0 }]);
  });
});

describe('step() at a join reached twice by the same flow', () => {
  it('keeps the second token waiting for the next firing', async () => {
    // A loop sends a second token down flow `a` before `b` has arrived: the join fires once for
    // the first pair and the extra token waits for its partner.
    const model = await modelOf(
      bpmnProcess(
        'twice',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="split" />
         <bpmn:userTask id="left" camunda:candidateGroups="x" />
         <bpmn:userTask id="right" camunda:candidateGroups="y" />
         <bpmn:parallelGateway id="join" />
         <bpmn:userTask id="after" camunda:candidateGroups="z" />
         <bpmn:sequenceFlow id="s0" sourceRef="start" targetRef="split" />
         <bpmn:sequenceFlow id="s1" sourceRef="split" targetRef="left" />
         <bpmn:exclusiveGateway id="detour" />
         <bpmn:sequenceFlow id="s2" sourceRef="split" targetRef="detour" />
         <bpmn:sequenceFlow id="s2b" sourceRef="detour" targetRef="left" />
         <bpmn:sequenceFlow id="s3" sourceRef="split" targetRef="right" />
         <bpmn:sequenceFlow id="a" sourceRef="left" targetRef="join" />
         <bpmn:sequenceFlow id="b" sourceRef="right" targetRef="join" />
         <bpmn:sequenceFlow id="c" sourceRef="join" targetRef="after" />`,
      ),
    );
    let { state } = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(state.tokens.map((t) => t.elementId)).toEqual(['left', 'right', 'left']);
    state = complete(model, state, 'left').state;
    state = complete(model, state, 'left').state;
    expect(state.tokens.filter((t) => t.elementId === 'join').map((t) => t.arrivedVia)).toEqual([
      'a',
      'a',
    ]);
    const fired = complete(model, state, 'right');
    expect(tasksCreated(fired.effects)).toEqual(['after#7']);
    // The older of the two waiting tokens (#4) went on; the younger (#5) waits for another `b`.
    expect(fired.state.tokens.filter((t) => t.elementId === 'join')).toEqual([
      { id: 5, elementId: 'join', scopeId: 0, arrivedVia: 'a' },
    ]);
  });
});

describe('step() on conditions and default flows', () => {
  const flows = `
    <bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="route" default="normal"><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>urgent</bpmn:outgoing><bpmn:outgoing>normal</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:userTask id="fast" camunda:candidateGroups="leader"><bpmn:incoming>urgent</bpmn:incoming></bpmn:userTask>
    <bpmn:userTask id="slow" camunda:candidateGroups="office"><bpmn:incoming>normal</bpmn:incoming></bpmn:userTask>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="route" />
    <bpmn:sequenceFlow id="urgent" sourceRef="route" targetRef="fast"><bpmn:conditionExpression>days &lt; 3 and applicant.age >= 60</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="normal" sourceRef="route" targetRef="slow" />`;

  it('takes the first flow whose FEEL condition holds, else the default', async () => {
    const model = await modelOf(bpmnProcess('routing', flows));
    const start = (variables: Record<string, unknown>) =>
      tasksCreated(
        step(model, undefined, { type: 'START', variables: variables as never }, T0).effects,
      );
    expect(start({ days: 1, applicant: { age: 70 } })).toEqual(['fast#1']);
    expect(start({ days: 1, applicant: { age: 30 } })).toEqual(['slow#1']);
  });

  it('refuses conditions that give null or read a missing entry, rather than treat them as false', async () => {
    const model = await modelOf(bpmnProcess('routing', flows));
    const start = (variables: Record<string, unknown>) => () =>
      step(model, undefined, { type: 'START', variables: variables as never }, T0);
    expect(start({ days: null, applicant: { age: 70 } })).toThrow(
      expect.objectContaining({ code: 'CONDITION_FAILED' }),
    );
    expect(start({ days: 1, applicant: {} })).toThrow(
      expect.objectContaining({
        code: 'CONDITION_FAILED',
        details: { elementId: 'route', flowId: 'urgent' },
      }),
    );
  });

  it('refuses to lose a token when no conditional flow out of a task holds', async () => {
    const model = await modelOf(
      bpmnProcess(
        'leaving',
        `<bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
         <bpmn:userTask id="t" camunda:candidateGroups="office" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t" />
         <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="end"><bpmn:conditionExpression>ok</bpmn:conditionExpression></bpmn:sequenceFlow>`,
      ),
    );
    const { state } = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(() => complete(model, state, 't', { ok: false })).toThrow(
      expect.objectContaining({ code: 'NO_FLOW_MATCHED', details: { elementId: 't' } }),
    );
    expect(complete(model, state, 't', { ok: true }).state.status).toBe('COMPLETED');
  });

  it('ends a token at an activity with no outgoing flow (implicit end)', async () => {
    const model = await modelOf(bpmnProcess('routing', flows));
    const { state } = step(
      model,
      undefined,
      { type: 'START', variables: { days: 9, applicant: { age: 1 } } },
      T0,
    );
    expect(complete(model, state, 'slow').state.status).toBe('COMPLETED');
  });

  it('stops a loop without a wait state instead of running forever', async () => {
    const model = await modelOf(
      bpmnProcess(
        'spin',
        `<bpmn:startEvent id="start"><bpmn:outgoing>in</bpmn:outgoing></bpmn:startEvent>
         <bpmn:exclusiveGateway id="a"><bpmn:incoming>in</bpmn:incoming><bpmn:incoming>back</bpmn:incoming><bpmn:outgoing>on</bpmn:outgoing></bpmn:exclusiveGateway>
         <bpmn:exclusiveGateway id="b"><bpmn:incoming>on</bpmn:incoming><bpmn:outgoing>back</bpmn:outgoing></bpmn:exclusiveGateway>
         <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="a" />
         <bpmn:sequenceFlow id="on" sourceRef="a" targetRef="b" />
         <bpmn:sequenceFlow id="back" sourceRef="b" targetRef="a" />`,
      ),
    );
    expect(() => step(model, undefined, { type: 'START', variables: {} }, T0)).toThrow(
      expect.objectContaining({ code: 'LOOP_LIMIT' }),
    );
  });
});

describe('step() at an inclusive join', () => {
  it('takes one token per incoming flow, and fires again for tokens left over', async () => {
    // Two tokens come by the same flow `fm`; a third branch comes later by `g`.
    const model = await modelOf(
      bpmnProcess(
        'inclusive-twice',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="fork" />
         <bpmn:intermediateThrowEvent id="a" />
         <bpmn:intermediateThrowEvent id="b" />
         <bpmn:exclusiveGateway id="merge" />
         <bpmn:userTask id="u" camunda:candidateGroups="office" />
         <bpmn:inclusiveGateway id="join" />
         <bpmn:userTask id="after" camunda:candidateGroups="leader" />
         <bpmn:sequenceFlow id="s0" sourceRef="start" targetRef="fork" />
         <bpmn:sequenceFlow id="s1" sourceRef="fork" targetRef="a" />
         <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="b" />
         <bpmn:sequenceFlow id="s3" sourceRef="fork" targetRef="u" />
         <bpmn:sequenceFlow id="s4" sourceRef="a" targetRef="merge" />
         <bpmn:sequenceFlow id="s5" sourceRef="b" targetRef="merge" />
         <bpmn:sequenceFlow id="fm" sourceRef="merge" targetRef="join" />
         <bpmn:sequenceFlow id="g" sourceRef="u" targetRef="join" />
         <bpmn:sequenceFlow id="out" sourceRef="join" targetRef="after" />`,
      ),
    );
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(tasksCreated(started.effects)).toEqual(['u#1']);
    const done = complete(model, started.state, 'u');
    expect(history(done.effects).filter((h) => h === 'ELEMENT_COMPLETED join')).toHaveLength(2);
    expect(tasksCreated(done.effects)).toHaveLength(2);
  });
});

describe('step() with async continuations', () => {
  const xml = (withTerminate: boolean) =>
    bpmnProcess(
      'async-both',
      `<bpmn:startEvent id="start" />
       <bpmn:parallelGateway id="fork" />
       <bpmn:userTask id="work" camunda:candidateGroups="office" camunda:asyncBefore="true" />
       ${withTerminate ? '<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>' : '<bpmn:endEvent id="stop" />'}
       <bpmn:sequenceFlow id="s0" sourceRef="start" targetRef="fork" />
       <bpmn:sequenceFlow id="s1" sourceRef="fork" targetRef="work" />
       <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="stop" />`,
    );

  it('parks the token in front of the element and goes in on CONTINUE', async () => {
    const model = await modelOf(xml(false));
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(started.state.tokens).toEqual([
      { id: 1, elementId: 'work', scopeId: 0, arrivedVia: 's1', continuation: true },
    ]);
    expect(started.effects).toContainEqual({
      type: 'CONTINUE_LATER',
      waitId: 1,
      elementId: 'work',
    });
    expect(tasksCreated(started.effects)).toEqual([]);
    const continued = step(model, started.state, { type: 'CONTINUE', waitId: 1 }, T1);
    expect(tasksCreated(continued.effects)).toEqual(['work#2']);
    expect(() => step(model, continued.state, { type: 'CONTINUE', waitId: 1 }, T1)).toThrow(
      expect.objectContaining({ code: 'JOB_NOT_ACTIVE' }),
    );
  });

  it('withdraws a waiting continuation with its job when the scope ends', async () => {
    const model = await modelOf(xml(true));
    const { state, effects } = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(state.status).toBe('COMPLETED');
    expect(effects).toContainEqual({ type: 'CANCEL_JOB', waitId: 1 });
    expect(history(effects)).not.toContain('ELEMENT_TERMINATED work');
  });

  it('may begin in front of the start event: the instance exists before anything runs', async () => {
    const model = await modelOf(
      bpmnProcess(
        'async-start',
        `<bpmn:startEvent id="start" camunda:asyncBefore="true" />
         <bpmn:userTask id="work" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="s0" sourceRef="start" targetRef="work" />`,
      ),
    );
    const started = step(model, undefined, { type: 'START', variables: {} }, T0);
    expect(started.state.tokens).toEqual([
      { id: 1, elementId: 'start', scopeId: 0, continuation: true },
    ]);
    const continued = step(model, started.state, { type: 'CONTINUE', waitId: 1 }, T1);
    expect(tasksCreated(continued.effects)).toEqual(['work#2']);
  });

  it.each(['parallelGateway', 'inclusiveGateway'])(
    'joins at an async %s only when the branches have gone in, each by its own continuation',
    async (gateway) => {
      const model = await modelOf(
        bpmnProcess(
          'async-join',
          `<bpmn:startEvent id="start" />
           <bpmn:parallelGateway id="fork" />
           <bpmn:userTask id="u" camunda:candidateGroups="office" />
           <bpmn:${gateway} id="join" camunda:asyncBefore="true" />
           <bpmn:userTask id="after" camunda:candidateGroups="leader" />
           <bpmn:sequenceFlow id="s0" sourceRef="start" targetRef="fork" />
           <bpmn:sequenceFlow id="s1" sourceRef="fork" targetRef="u" />
           <bpmn:sequenceFlow id="s2" sourceRef="fork" targetRef="join" />
           <bpmn:sequenceFlow id="s3" sourceRef="u" targetRef="join" />
           <bpmn:sequenceFlow id="s4" sourceRef="join" targetRef="after" />`,
        ),
      );
      const waitingFor = (state: InstanceState) =>
        state.tokens.filter((t) => t.continuation).map((t) => t.id);
      let { state } = step(model, undefined, { type: 'START', variables: {} }, T0);
      state = complete(model, state, 'u').state;
      // The officer's step ends in front of the join: nothing joined yet.
      expect(waitingFor(state)).toHaveLength(2);
      const [first, second] = waitingFor(state);
      const once = step(model, state, { type: 'CONTINUE', waitId: first }, T1);
      expect(tasksCreated(once.effects)).toEqual([]);
      expect(waitingFor(once.state)).toEqual([second]);
      const both = step(model, once.state, { type: 'CONTINUE', waitId: second }, T1);
      expect(tasksCreated(both.effects).map((t) => t.split('#')[0])).toEqual(['after']);
    },
  );
});
