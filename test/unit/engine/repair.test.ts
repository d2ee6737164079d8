import { Run, between } from './driver';

/** receive → check (with a boundary timer) → sign → end; `parallel` waits beside it. */
const FLOW = `<bpmn:startEvent id="start" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="receive" />
  <bpmn:userTask id="receive" tthc:role="desk" />
  <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="check" />
  <bpmn:userTask id="check" tthc:role="office" />
  <bpmn:boundaryEvent id="late" attachedToRef="check">
    <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="sign" />
  <bpmn:userTask id="sign" tthc:role="leader" />
  <bpmn:sequenceFlow id="f4" sourceRef="sign" targetRef="end" />
  <bpmn:sequenceFlow id="f5" sourceRef="late" targetRef="end" />
  <bpmn:endEvent id="end" />`;

const MOVE = { type: 'MOVE_TOKEN', actor: 'admin', reason: 'wrong decision at check' } as const;
const CANCEL = { type: 'CANCEL_ACTIVITY', actor: 'admin', reason: 'not needed' } as const;

describe('moving a token (MOVE_TOKEN)', () => {
  it('withdraws the step and its timer, opens the target, and records who and why', async () => {
    const run = await Run.start(FLOW);
    run.complete('receive').complete('check');
    const sign = run.tokenAt('sign');
    run.send({ ...MOVE, fromElementId: 'sign', toElementId: 'check' });
    expect(run.tokens()).toEqual(['check']);
    expect(run.of('CANCEL_TASK')).toEqual([{ type: 'CANCEL_TASK', waitId: sign }]);
    expect(run.of('CREATE_TASK').map((e) => [e.elementId, e.candidateGroups])).toEqual([
      ['check', ['office']],
    ]);
    expect(run.of('SCHEDULE_TIMER').map((e) => e.timer.elementId)).toEqual(['late']);
    expect(run.history()).toEqual([
      'ELEMENT_TERMINATED sign',
      'TOKEN_MOVED check',
      'ELEMENT_ACTIVATED check',
    ]);
    expect(run.of('HISTORY')[1]).toMatchObject({ actor: 'admin', reason: MOVE.reason });
  });

  it('closes the timers of the step it moves from', async () => {
    const run = await Run.start(FLOW);
    run.complete('receive');
    const timer = run.state.subscriptions.find((s) => s.elementId === 'late')!;
    run.send({ ...MOVE, fromElementId: 'check', toElementId: 'receive' });
    expect(run.of('CANCEL_TIMER')).toEqual([{ type: 'CANCEL_TIMER', subscriptionId: timer.id }]);
    expect(run.state.subscriptions.filter((s) => s.elementId === 'late')).toEqual([]);
    expect(run.tokens()).toEqual(['receive']);
  });

  it('refuses an unknown element, a flow, a step with no token, and changes nothing', async () => {
    const run = await Run.start(FLOW);
    const before = structuredClone(run.state);
    const refusal = (from: string, to: string) => {
      try {
        run.send({ ...MOVE, fromElementId: from, toElementId: to });
      } catch (error) {
        return error as { code: string; details: object };
      }
      throw new Error('not refused');
    };
    expect(refusal('nowhere', 'check')).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'nowhere' },
    });
    expect(refusal('receive', 'f2')).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'f2' },
    });
    expect(refusal('sign', 'check')).toMatchObject({
      code: 'NO_TOKEN_AT_ELEMENT',
      details: { elementId: 'sign' },
    });
    expect(refusal('receive', 'start')).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { elementId: 'start', field: 'toElementId' },
    });
    expect(refusal('receive', 'late')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal('receive', 'end')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(run.state).toEqual(before);
  });

  it('refuses a target in another scope', async () => {
    const inner = between(
      '<bpmn:userTask id="check" tthc:role="office" />',
      'check',
      'check',
      'i_',
    );
    const run = await Run.start(
      between(
        `<bpmn:userTask id="receive" tthc:role="desk" />
         <bpmn:sequenceFlow id="r" sourceRef="receive" targetRef="review" />
         <bpmn:subProcess id="review">${inner}</bpmn:subProcess>`,
        'receive',
        'review',
      ),
    );
    expect(() => run.send({ ...MOVE, fromElementId: 'receive', toElementId: 'check' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ elementId: 'check' }),
      }),
    );
    // The sub-process itself is in the same scope: moving there opens its inner flow.
    run.send({ ...MOVE, fromElementId: 'receive', toElementId: 'review' });
    expect(run.tokens()).toEqual(['check', 'review']);
    // And back: the sub-process goes with everything inside it.
    run.send({ ...MOVE, fromElementId: 'review', toElementId: 'receive' });
    expect(run.tokens()).toEqual(['receive']);
    expect(run.state.scopes.map((s) => s.elementId)).toEqual(['process']);
  });

  it('moves within a sub-process, which keeps running', async () => {
    const inner = between(
      `<bpmn:userTask id="check" tthc:role="office" />
       <bpmn:sequenceFlow id="i_c" sourceRef="check" targetRef="verify" />
       <bpmn:userTask id="verify" tthc:role="office" />`,
      'check',
      'verify',
      'i_',
    );
    const run = await Run.start(
      between(`<bpmn:subProcess id="review">${inner}</bpmn:subProcess>`, 'review', 'review'),
    );
    const scope = run.state.tokens.find((t) => t.elementId === 'check')!.scopeId;
    run.send({ ...MOVE, fromElementId: 'check', toElementId: 'verify' });
    expect(run.tokens()).toEqual(['review', 'verify']);
    expect(run.state.tokens.find((t) => t.elementId === 'verify')!.scopeId).toBe(scope);
    expect(() => run.send({ ...MOVE, fromElementId: 'verify', toElementId: 'review' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('moves a multi-instance activity as a whole: its instances go with it', async () => {
    const run = await Run.start(
      between(
        `<bpmn:userTask id="receive" tthc:role="desk" />
         <bpmn:sequenceFlow id="r" sourceRef="receive" targetRef="ask" />
         <bpmn:userTask id="ask" tthc:role="office">
           <bpmn:multiInstanceLoopCharacteristics camunda:collection="=agencies" camunda:elementVariable="agency" />
         </bpmn:userTask>`,
        'receive',
        'ask',
      ),
      { agencies: ['a', 'b'] },
    );
    run.complete('receive');
    expect(run.tokens()).toEqual(['ask', 'ask', 'ask']); // the body and two instances
    run.send({ ...MOVE, fromElementId: 'ask', toElementId: 'receive' });
    expect(run.tokens()).toEqual(['receive']);
    expect(run.of('CANCEL_TASK')).toHaveLength(2);
    expect(run.state.scopes.map((s) => s.elementId)).toEqual(['process']);
    // And into it again: one task per item, as when a flow leads there.
    run.send({ ...MOVE, fromElementId: 'receive', toElementId: 'ask' });
    expect(run.of('CREATE_TASK')).toHaveLength(2);
  });

  it('withdraws the instance a call activity started', async () => {
    const run = await Run.start(
      between(
        `<bpmn:callActivity id="insurance" calledElement="health-insurance" />
         <bpmn:sequenceFlow id="c" sourceRef="insurance" targetRef="check" />
         <bpmn:userTask id="check" tthc:role="office" />`,
        'insurance',
        'check',
      ),
    );
    const call = run.tokenAt('insurance');
    run.send({ ...MOVE, fromElementId: 'insurance', toElementId: 'check' });
    expect(run.of('CANCEL_CHILD')).toEqual([{ type: 'CANCEL_CHILD', waitId: call }]);
    expect(run.tokens()).toEqual(['check']);
  });

  it('refuses an instance that has ended', async () => {
    const run = await Run.start(FLOW);
    run.send({ type: 'CANCEL' });
    expect(() => run.send({ ...MOVE, fromElementId: 'receive', toElementId: 'check' })).toThrow(
      expect.objectContaining({ code: 'INSTANCE_NOT_ACTIVE' }),
    );
  });
});

describe('canceling a step (CANCEL_ACTIVITY)', () => {
  const PARALLEL = between(
    `<bpmn:parallelGateway id="fork" />
     <bpmn:sequenceFlow id="a" sourceRef="fork" targetRef="check" />
     <bpmn:sequenceFlow id="b" sourceRef="fork" targetRef="verify" />
     <bpmn:userTask id="check" tthc:role="office" />
     <bpmn:userTask id="verify" tthc:role="office" />`,
    'fork',
    'check',
  );

  it('withdraws the step when another one still runs, with who and why', async () => {
    const run = await Run.start(PARALLEL);
    const verify = run.tokenAt('verify');
    run.send({ ...CANCEL, elementId: 'verify' });
    expect(run.tokens()).toEqual(['check']);
    expect(run.of('CANCEL_TASK')).toEqual([{ type: 'CANCEL_TASK', waitId: verify }]);
    expect(run.history()).toEqual(['ELEMENT_TERMINATED verify', 'STEP_CANCELED verify']);
    expect(run.of('HISTORY')[1]).toMatchObject({ actor: 'admin', reason: 'not needed' });
    expect(run.state.status).toBe('ACTIVE');
  });

  it('refuses to leave the process with no step, rather than end it', async () => {
    const run = await Run.start(FLOW);
    const before = structuredClone(run.state);
    expect(() => run.send({ ...CANCEL, elementId: 'receive' })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ elementId: 'receive' }),
      }),
    );
    expect(() => run.send({ ...CANCEL, elementId: 'sign' })).toThrow(
      expect.objectContaining({ code: 'NO_TOKEN_AT_ELEMENT' }),
    );
    expect(run.state).toEqual(before);
  });
});
