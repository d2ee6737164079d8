import type { ProcessModel } from '../../../src/bpmn/model';
import { DEFAULT_CALENDAR } from '../../../src/calendar/defaults';
import { planMigration } from '../../../src/engine/migration';
import { checkMigrationPlan } from '../../../src/engine/migration-plan';
import type { ElementMapping } from '../../../src/engine/migration-refusals';
import type { InstanceState } from '../../../src/engine/types';
import { bpmnProcess } from '../../support/bpmn';
import { modelOf } from '../../support/models';
import { Run, T0 } from './driver';

const TIMER = (id: string, on: string, duration: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${on}">
     <bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition>
   </bpmn:boundaryEvent>`;

/** Version 1: receive → check (a one-day timer on it) → sign → end, beside a multi-instance consult. */
const V1 = `<bpmn:startEvent id="start" />
  <bpmn:parallelGateway id="fork" />
  <bpmn:userTask id="receive" camunda:candidateGroups="reception" tthc:stepDuration="1 working day" />
  <bpmn:userTask id="check" camunda:candidateGroups="civil_status" />
  ${TIMER('late', 'check', 'P1D')}
  <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
  <bpmn:userTask id="consult" camunda:candidateGroups="police">
    <bpmn:multiInstanceLoopCharacteristics camunda:collection="=agencies" camunda:elementVariable="agency" />
  </bpmn:userTask>
  <bpmn:endEvent id="end" />
  <bpmn:endEvent id="consulted" />
  <bpmn:endEvent id="hurried" />
  <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
  <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="receive" />
  <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="check" />
  <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="sign" />
  <bpmn:sequenceFlow id="f4" sourceRef="sign" targetRef="end" />
  <bpmn:sequenceFlow id="f5" sourceRef="late" targetRef="hurried" />
  <bpmn:sequenceFlow id="f6" sourceRef="fork" targetRef="consult" />
  <bpmn:sequenceFlow id="f7" sourceRef="consult" targetRef="consulted" />`;

/**
 * Version 2: receive renamed intake with a two-day budget, check's timer now two days and a
 * budget, sign removed, verify added; consult now sequential.
 */
const V2 = `<bpmn:startEvent id="start" />
  <bpmn:parallelGateway id="fork" />
  <bpmn:userTask id="intake" name="Tiếp nhận" camunda:candidateGroups="reception" tthc:stepDuration="2 working days" />
  <bpmn:userTask id="check" camunda:candidateGroups="civil_status" tthc:stepDuration="1 working day" />
  ${TIMER('late', 'check', 'P2D')}
  <bpmn:userTask id="verify" camunda:candidateGroups="leader" />
  <bpmn:serviceTask id="notify" camunda:type="notify" />
  <bpmn:userTask id="consult" camunda:candidateGroups="police">
    <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="=agencies" camunda:elementVariable="agency" />
  </bpmn:userTask>
  <bpmn:endEvent id="end" />
  <bpmn:endEvent id="consulted" />
  <bpmn:endEvent id="hurried" />
  <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
  <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="intake" />
  <bpmn:sequenceFlow id="f2" sourceRef="intake" targetRef="check" />
  <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="verify" />
  <bpmn:sequenceFlow id="f3b" sourceRef="verify" targetRef="notify" />
  <bpmn:sequenceFlow id="f4" sourceRef="notify" targetRef="end" />
  <bpmn:sequenceFlow id="f5" sourceRef="late" targetRef="hurried" />
  <bpmn:sequenceFlow id="f6" sourceRef="fork" targetRef="consult" />
  <bpmn:sequenceFlow id="f7" sourceRef="consult" targetRef="consulted" />`;

const APPOINTMENT = 'tthc:statutoryDuration="5 working days"';
/** Monday 2 March 2026 09:00 in Hà Nội, then the same hour on Wednesday. */
const WEDNESDAY = '2026-03-04T02:00:00.000Z';

describe('planning the migration of an instance to another version', () => {
  let target: ProcessModel;

  beforeAll(async () => {
    target = await modelOf(bpmnProcess('p', V2, APPOINTMENT));
  });

  const start = (variables = { agencies: [] as string[] }) =>
    Run.start(V1, variables, { attributes: APPOINTMENT });

  const plan = (run: Run, mapping: ElementMapping, state: InstanceState = run.state) =>
    planMigration({
      source: run.model,
      target,
      mapping,
      state,
      now: WEDNESDAY,
      calendar: DEFAULT_CALENDAR,
      actor: 'quan.tri',
      reason: 'p v1 → v2',
    });

  it('re-points a renamed step by the mapping, keeps its token, and counts its budget from when it began', async () => {
    const run = await start();
    const token = run.tokenAt('receive');
    const outcome = plan(run, { receive: 'intake' });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.state.tokens.find((t) => t.id === token)).toMatchObject({
      elementId: 'intake',
      // Two working days from Monday 09:00.
      deadline: { since: T0, dueAt: WEDNESDAY },
    });
    expect(outcome.tasks).toEqual([
      {
        waitId: token,
        elementId: 'intake',
        name: 'Tiếp nhận',
        candidateGroups: ['reception'],
        formKey: null,
        signature: false,
        dueAt: WEDNESDAY,
        overdue: false,
      },
    ]);
    // The old one-day deadline timer goes; the two-day one comes.
    const old = run.state.subscriptions.find((s) => s.tokenId === token)!;
    expect(outcome.effects).toContainEqual({ type: 'CANCEL_TIMER', subscriptionId: old.id });
    const scheduled = outcome.effects.flatMap((e) =>
      e.type === 'SCHEDULE_TIMER' ? [e.timer] : [],
    );
    expect(scheduled).toContainEqual(
      expect.objectContaining({
        elementId: 'intake',
        tokenId: token,
        dueAt: WEDNESDAY,
        deadline: true,
      }),
    );
    expect(outcome.effects).toContainEqual(
      expect.objectContaining({
        type: 'HISTORY',
        eventType: 'INSTANCE_MIGRATED',
        elementId: 'p',
        actor: 'quan.tri',
        reason: 'p v1 → v2',
      }),
    );
  });

  it('opens the boundary timer again from the target, counted from when the step was entered', async () => {
    const run = await start();
    run.complete('receive');
    const token = run.tokenAt('check');
    const late = run.state.subscriptions.find((s) => s.elementId === 'late')!;
    const outcome = plan(run, { receive: 'intake' });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.effects).toContainEqual({ type: 'CANCEL_TIMER', subscriptionId: late.id });
    // Without a known start, the step counts from now: two days from Wednesday.
    const timers = outcome.state.subscriptions.filter((s) => s.elementId === 'late');
    expect(timers).toEqual([
      expect.objectContaining({ kind: 'timer', tokenId: token, dueAt: '2026-03-06T02:00:00.000Z' }),
    ]);
    expect(timers[0].id).not.toBe(late.id);
    // Entered earlier than the run's own clock says: the store passes the task's creation.
    const entered = planMigration({
      source: run.model,
      target,
      mapping: { receive: 'intake' },
      state: run.state,
      now: WEDNESDAY,
      calendar: DEFAULT_CALENDAR,
      enteredAt: { [token]: '2026-03-03T02:00:00.000Z' },
      reason: 'r',
    });
    if (!entered.migrated) throw new Error('refused');
    expect(entered.state.subscriptions.find((s) => s.elementId === 'late')).toMatchObject({
      dueAt: '2026-03-05T02:00:00.000Z',
    });
    expect(entered.tasks).toEqual([
      expect.objectContaining({ elementId: 'check', dueAt: '2026-03-04T02:00:00.000Z' }),
    ]);
  });

  it('leaves the appointment, its timers and the clock as they were, and the given state unchanged', async () => {
    const run = await start();
    const before = structuredClone(run.state);
    const appointment = run.state.subscriptions.filter(
      (s) => s.kind === 'timer' && s.deadline && s.tokenId === undefined,
    );
    expect(appointment.length).toBeGreaterThan(0);
    const outcome = plan(run, { receive: 'intake' });
    if (!outcome.migrated) throw new Error('refused');
    expect(outcome.state.deadline).toEqual(before.deadline);
    for (const timer of appointment) expect(outcome.state.subscriptions).toContainEqual(timer);
    expect(run.state).toEqual(before);
    expect(outcome.state.scopes).toEqual(before.scopes);
    // A paused clock stays paused, and a step's deadline is not watched while it is.
    run.send({ type: 'HOLD_CLOCK' });
    expect(run.state.clock?.pausedAt).toBe(T0);
    const paused = plan(run, { receive: 'intake' });
    if (!paused.migrated) throw new Error('refused');
    expect(paused.state.clock).toEqual(run.state.clock);
    expect(paused.state.subscriptions.filter((s) => s.kind === 'timer' && s.deadline)).toEqual([]);
  });

  it('refuses a token at a step removed without a mapping, naming the element', async () => {
    const run = await start();
    run.complete('receive').complete('check');
    expect(plan(run, { receive: 'intake' })).toEqual({
      migrated: false,
      refusals: [expect.objectContaining({ code: 'ELEMENT_REMOVED', elementId: 'sign' })],
    });
    // Mapped to the step that replaced it, it moves.
    const outcome = plan(run, { receive: 'intake', sign: 'verify' });
    if (!outcome.migrated) throw new Error('refused');
    expect(outcome.tasks).toEqual([
      expect.objectContaining({ elementId: 'verify', candidateGroups: ['leader'] }),
    ]);
  });

  it('opens a boundary event at a step it was not on before, though the source had it elsewhere', async () => {
    const run = await start();
    run.complete('receive').complete('check');
    expect(run.state.subscriptions.some((s) => s.elementId === 'late')).toBe(false);
    const moved = await modelOf(
      bpmnProcess(
        'p',
        V2.replace(TIMER('late', 'check', 'P2D'), TIMER('late', 'verify', 'P2D')),
        APPOINTMENT,
      ),
    );
    const outcome = planMigration({
      source: run.model,
      target: moved,
      mapping: { receive: 'intake', sign: 'verify' },
      state: run.state,
      now: WEDNESDAY,
      calendar: DEFAULT_CALENDAR,
      reason: 'r',
    });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.state.subscriptions).toContainEqual(
      expect.objectContaining({ elementId: 'late', tokenId: run.tokenAt('sign') }),
    );
  });

  it('refuses a mapping to an id the target lacks, or to an element of another kind', async () => {
    const run = await start();
    run.complete('receive').complete('check');
    expect(plan(run, { sign: 'nowhere' })).toMatchObject({
      refusals: [{ code: 'TARGET_NOT_FOUND', elementId: 'sign' }],
    });
    expect(plan(run, { sign: 'notify' })).toMatchObject({
      refusals: [{ code: 'KIND_CHANGED', elementId: 'sign' }],
    });
    expect(plan(run, { sign: 'hurried' })).toMatchObject({
      refusals: [{ code: 'KIND_CHANGED', elementId: 'sign' }],
    });
  });

  it('refuses an instance whose multi-instance changed shape while it runs', async () => {
    const running = await start({ agencies: ['police', 'tax'] });
    expect(plan(running, { receive: 'intake' })).toMatchObject({
      migrated: false,
      refusals: [{ code: 'MULTI_INSTANCE_CHANGED', elementId: 'consult' }],
    });
  });
});

describe('migrating a running multi-instance of the same shape', () => {
  it('keeps its instances and their tasks, and gives the activity itself no task', async () => {
    const run = await Run.start(V1, { agencies: ['police', 'tax'] }, { attributes: APPOINTMENT });
    const target = await modelOf(
      bpmnProcess('p', V2.replace('isSequential="true" ', ''), APPOINTMENT),
    );
    const outcome = planMigration({
      source: run.model,
      target,
      mapping: { receive: 'intake' },
      state: run.state,
      now: WEDNESDAY,
      calendar: DEFAULT_CALENDAR,
      reason: 'r',
    });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    const consult = run.state.tokens.filter((t) => t.elementId === 'consult');
    expect(consult).toHaveLength(3);
    const tasks = run.of('CREATE_TASK').filter((e) => e.elementId === 'consult');
    expect(outcome.tasks.filter((t) => t.elementId === 'consult').map((t) => t.waitId)).toEqual(
      tasks.map((e) => e.waitId),
    );
    expect(outcome.state.scopes).toEqual(run.state.scopes);
  });
});

describe('migrating a conditional event that already holds', () => {
  it('remembers that it held, so the next step does not fire it again', async () => {
    const flow = (task: string) => `<bpmn:startEvent id="s" />
      <bpmn:userTask id="${task}" tthc:role="office" />
      <bpmn:boundaryEvent id="urgent" attachedToRef="${task}" cancelActivity="false">
        <bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">priority &gt; 5</bpmn:condition></bpmn:conditionalEventDefinition>
      </bpmn:boundaryEvent>
      <bpmn:userTask id="alert" tthc:role="leader" />
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="${task}" />
      <bpmn:sequenceFlow id="f1" sourceRef="${task}" targetRef="e" />
      <bpmn:sequenceFlow id="g" sourceRef="urgent" targetRef="alert" />`;
    const run = await Run.start(flow('work'), { priority: 9 });
    expect(run.tokens()).toEqual(['alert', 'work']);
    const outcome = planMigration({
      source: run.model,
      target: await modelOf(bpmnProcess('p', flow('job'))),
      mapping: { work: 'job' },
      state: run.state,
      now: T0,
      calendar: DEFAULT_CALENDAR,
      reason: 'r',
    });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.state.subscriptions).toEqual([
      expect.objectContaining({ kind: 'conditional', elementId: 'urgent', holds: true }),
    ]);
  });
});

describe('refusing a move into another scope', () => {
  it('refuses a step mapped into a sub-process it was not in', async () => {
    const flat = `<bpmn:startEvent id="start" />
      <bpmn:userTask id="check" camunda:candidateGroups="civil_status" />
      <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />`;
    const nested = `<bpmn:startEvent id="start" />
      <bpmn:subProcess id="work">
        <bpmn:startEvent id="in" />
        <bpmn:userTask id="check2" camunda:candidateGroups="civil_status" />
        <bpmn:sequenceFlow id="b" sourceRef="in" targetRef="check2" />
      </bpmn:subProcess>
      <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="work" />`;
    const run = await Run.start(flat);
    const outcome = planMigration({
      source: run.model,
      target: await modelOf(bpmnProcess('p', nested)),
      mapping: { check: 'check2' },
      state: run.state,
      now: T0,
      calendar: DEFAULT_CALENDAR,
      reason: 'r',
    });
    expect(outcome).toMatchObject({
      migrated: false,
      refusals: [{ code: 'SCOPE_CHANGED', elementId: 'check' }],
    });
  });
});

describe('checking a migration plan before any instance', () => {
  it('refuses the same version, ids that are not there, and an element mapped to a flow, naming each', async () => {
    const v1 = { model: await modelOf(bpmnProcess('p', V1)), version: 1 };
    const v2 = { model: await modelOf(bpmnProcess('p', V2)), version: 2 };
    const refusal = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return error as { code: string; details: object };
      }
      throw new Error('not refused');
    };
    const lines = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));
    expect(refusal(() => checkMigrationPlan(v1, v1, []))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'toVersion' },
    });
    // Each mistake names its line of the mapping, and which side of it.
    const fine: [string, string] = ['receive', 'intake'];
    expect(refusal(() => checkMigrationPlan(v1, v2, lines(['nowhere', 'intake'])))).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'nowhere', field: 'mapping[0].from' },
    });
    expect(
      refusal(() => checkMigrationPlan(v1, v2, lines(fine, ['receive', 'receive']))),
    ).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'receive', field: 'mapping[1].to' },
    });
    expect(refusal(() => checkMigrationPlan(v1, v2, lines(fine, ['f3', 'nowhere'])))).toMatchObject(
      { code: 'ELEMENT_NOT_FOUND', details: { elementId: 'nowhere', field: 'mapping[1].to' } },
    );
    expect(refusal(() => checkMigrationPlan(v1, v2, lines(['receive', 'f3b'])))).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'f3b', field: 'mapping[0].to' },
    });
    expect(refusal(() => checkMigrationPlan(v1, v2, lines(fine, ['f3', 'intake'])))).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'intake', field: 'mapping[1].to' },
    });
    expect(refusal(() => checkMigrationPlan(v1, v2, lines(fine, ['gone', 'f3b'])))).toMatchObject({
      code: 'ELEMENT_NOT_FOUND',
      details: { elementId: 'gone', field: 'mapping[1].from' },
    });
    expect(() =>
      checkMigrationPlan(v1, v2, lines(['receive', 'intake'], ['f3', 'f3b'])),
    ).not.toThrow();
  });
});

describe('migrating timers that already fired without interrupting', () => {
  /** A task with a one-off and a cycling reminder beside it, and a timer event sub-process. */
  const flow = (task: string, extra = '') => `<bpmn:startEvent id="s" />
    <bpmn:userTask id="${task}" tthc:role="office" />
    <bpmn:boundaryEvent id="once" attachedToRef="${task}" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:boundaryEvent id="cycle" attachedToRef="${task}" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT2H</bpmn:timeCycle></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:subProcess id="remind" triggeredByEvent="true">
      <bpmn:startEvent id="remindStart" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration>PT30M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
      <bpmn:endEvent id="reminded" />
      <bpmn:sequenceFlow id="r" sourceRef="remindStart" targetRef="reminded" />
    </bpmn:subProcess>
    ${extra}
    <bpmn:endEvent id="e" />
    <bpmn:endEvent id="e1" />
    <bpmn:endEvent id="e2" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="${task}" />
    <bpmn:sequenceFlow id="f1" sourceRef="${task}" targetRef="e" />
    <bpmn:sequenceFlow id="g1" sourceRef="once" targetRef="e1" />
    <bpmn:sequenceFlow id="g2" sourceRef="cycle" targetRef="e2" />`;

  it('does not open a fired one-off timer again, and keeps a cycle where it was', async () => {
    const run = await Run.start(flow('work'));
    run.at('2026-03-02T04:30:00.000Z').fire('remindStart').fire('once').fire('cycle');
    const cycle = run.state.subscriptions.find((s) => s.elementId === 'cycle');
    if (cycle?.kind !== 'timer') throw new Error('no cycle');
    expect(cycle).toMatchObject({ repeat: { remaining: 1 } });
    const outcome = planMigration({
      source: run.model,
      target: await modelOf(bpmnProcess('p', flow('job'))),
      mapping: { work: 'job' },
      state: run.state,
      now: run.now,
      calendar: DEFAULT_CALENDAR,
      enteredAt: { [run.tokenAt('work')]: T0 },
      reason: 'r',
    });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    const timers = outcome.state.subscriptions.filter((s) => s.kind === 'timer');
    expect(timers).toEqual([
      expect.objectContaining({ elementId: 'cycle', dueAt: cycle.dueAt, repeat: cycle.repeat }),
    ]);
    const scheduled = outcome.effects.flatMap((e) =>
      e.type === 'SCHEDULE_TIMER' ? [e.timer.elementId] : [],
    );
    expect(scheduled).toEqual(['cycle']);
  });

  it('opens the timers of a boundary event the target adds', async () => {
    const run = await Run.start(flow('work'));
    run.at('2026-03-02T04:30:00.000Z').fire('remindStart').fire('once');
    const added = `<bpmn:boundaryEvent id="later" attachedToRef="job" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT5H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="e3" /><bpmn:sequenceFlow id="g3" sourceRef="later" targetRef="e3" />`;
    const outcome = planMigration({
      source: run.model,
      target: await modelOf(bpmnProcess('p', flow('job', added))),
      mapping: { work: 'job' },
      state: run.state,
      now: run.now,
      calendar: DEFAULT_CALENDAR,
      enteredAt: { [run.tokenAt('work')]: T0 },
      reason: 'r',
    });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.state.subscriptions.map((s) => s.elementId).sort()).toEqual(['cycle', 'later']);
  });
});

describe('migrating a scope an interrupting event sub-process runs in', () => {
  const flow = (added = '') => `<bpmn:startEvent id="start" />
    <bpmn:userTask id="check" camunda:candidateGroups="land" />
    <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
    <bpmn:subProcess id="withdraw" triggeredByEvent="true">
      <bpmn:startEvent id="onWithdraw"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
      <bpmn:userTask id="returnPapers" camunda:candidateGroups="reception" />
      <bpmn:sequenceFlow id="w" sourceRef="onWithdraw" targetRef="returnPapers" />
    </bpmn:subProcess>
    ${added}`;

  it('does not listen for its event sub-processes again, old or new', async () => {
    const run = await Run.start(
      flow(),
      {},
      { rootElements: '<bpmn:message id="m" name="withdrawn" />' },
    );
    run.correlate('withdrawn');
    expect(run.tokens()).toEqual(['returnPapers']);
    expect(run.state.subscriptions).toEqual([]);
    const added = `<bpmn:subProcess id="hurry" triggeredByEvent="true">
      <bpmn:startEvent id="onHurry"><bpmn:signalEventDefinition signalRef="h" /></bpmn:startEvent>
      <bpmn:endEvent id="hurried" />
      <bpmn:sequenceFlow id="x" sourceRef="onHurry" targetRef="hurried" />
    </bpmn:subProcess>`;
    const target = await modelOf(
      bpmnProcess(
        'p',
        flow(added),
        '',
        '<bpmn:message id="m" name="withdrawn" /><bpmn:signal id="h" name="hurry" />',
      ),
    );
    const outcome = planMigration({
      source: run.model,
      target,
      mapping: {},
      state: run.state,
      now: T0,
      calendar: DEFAULT_CALENDAR,
      reason: 'r',
    });
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.state.subscriptions).toEqual([]);
    expect(outcome.effects.filter((e) => e.type === 'OPEN_SUBSCRIPTION')).toEqual([]);
  });
});

describe('migrating a step deadline the clock paused', () => {
  const flow = (check: string, budget: string, pauses = true) => `<bpmn:startEvent id="s" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="${check}" camunda:candidateGroups="land" tthc:stepDuration="${budget}" />
    <bpmn:receiveTask id="fetch" messageRef="papers" ${pauses ? 'tthc:pausesClock="true"' : ''} />
    <bpmn:endEvent id="e1" />
    <bpmn:endEvent id="e2" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fork" />
    <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="${check}" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="fetch" />
    <bpmn:sequenceFlow id="f3" sourceRef="${check}" targetRef="e1" />
    <bpmn:sequenceFlow id="f4" sourceRef="fetch" targetRef="e2" />`;
  const papers = '<bpmn:message id="papers" name="papers" />';
  const targetOf = async (budget: string, pauses = true) =>
    modelOf(bpmnProcess('p', flow('check2', budget, pauses), '', papers));
  /** Monday 14:00 in Hà Nội: the papers came after a paused morning. */
  const AFTERNOON = '2026-03-02T07:00:00.000Z';

  const paused = async () => {
    const run = await Run.start(flow('check', '1 working day'), {}, { rootElements: papers });
    expect(run.state.clock?.pausedAt).toBe(T0);
    run.at(AFTERNOON).correlate('papers');
    expect(run.state.clock?.pausedAt).toBeUndefined();
    return run;
  };
  const migrate = (run: Run, target: ProcessModel, now = run.now) =>
    planMigration({
      source: run.model,
      target,
      mapping: { check: 'check2' },
      state: run.state,
      now,
      calendar: DEFAULT_CALENDAR,
      enteredAt: { [run.tokenAt('check')]: T0 },
      reason: 'r',
    });

  it('keeps the working time the clock was paused', async () => {
    const run = await paused();
    const deadline = run.state.tokens.find((t) => t.elementId === 'check')!.deadline!;
    const counted = await Run.start(flow('check', '1 working day'), {}, { rootElements: papers });
    expect(deadline.dueAt > counted.state.tokens[0].deadline!.dueAt).toBe(true);
    const outcome = migrate(run, await targetOf('1 working day'));
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.tasks).toEqual([
      expect.objectContaining({ elementId: 'check2', dueAt: deadline.dueAt, overdue: false }),
    ]);
  });

  it('keeps a step overdue once marked, and does not escalate it again', async () => {
    const run = await paused();
    const token = run.state.tokens.find((t) => t.elementId === 'check')!;
    const timer = run.state.subscriptions.find(
      (s) => s.kind === 'timer' && s.tokenId === token.id,
    )!;
    run.at(token.deadline!.dueAt).send({ type: 'FIRE_TIMER', subscriptionId: timer.id });
    expect(run.state.tokens.find((t) => t.id === token.id)!.deadline!.overdue).toBe(true);
    const outcome = migrate(run, await targetOf('5 working days'));
    if (!outcome.migrated) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.tasks).toEqual([expect.objectContaining({ overdue: true })]);
    expect(outcome.state.subscriptions.filter((s) => s.kind === 'timer' && s.tokenId)).toEqual([]);
  });

  it('refuses to move a token to an element that pauses the clock differently', async () => {
    const run = await Run.start(flow('check', '1 working day'), {}, { rootElements: papers });
    expect(migrate(run, await targetOf('1 working day', false))).toMatchObject({
      migrated: false,
      refusals: [{ code: 'CLOCK_CHANGED', elementId: 'fetch' }],
    });
  });
});

describe('refusing joins and undos the target would break', () => {
  const joined = (extra: string) => `<bpmn:startEvent id="s" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="a" tthc:role="office" />
    <bpmn:userTask id="b" tthc:role="office" />
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="fork" />
    <bpmn:sequenceFlow id="fa" sourceRef="fork" targetRef="a" />
    <bpmn:sequenceFlow id="fb" sourceRef="fork" targetRef="b" />
    <bpmn:sequenceFlow id="ja" sourceRef="a" targetRef="join" />
    <bpmn:sequenceFlow id="jb" sourceRef="b" targetRef="join" />
    <bpmn:sequenceFlow id="fe" sourceRef="join" targetRef="e" />
    ${extra}`;
  const migrate = async (run: Run, target: string, mapping: ElementMapping = {}) =>
    planMigration({
      source: run.model,
      target: await modelOf(bpmnProcess('p', target)),
      mapping,
      state: run.state,
      now: T0,
      calendar: DEFAULT_CALENDAR,
      reason: 'r',
    });

  it('refuses a token waiting at a join whose incoming flows changed', async () => {
    const run = await Run.start(joined(''));
    run.complete('a');
    expect(run.tokens()).toEqual(['b', 'join']);
    const third = `<bpmn:userTask id="c" tthc:role="office" />
      <bpmn:sequenceFlow id="fc" sourceRef="fork" targetRef="c" />
      <bpmn:sequenceFlow id="jc" sourceRef="c" targetRef="join" />`;
    expect(await migrate(run, joined(third))).toMatchObject({
      migrated: false,
      refusals: [{ code: 'JOIN_CHANGED', elementId: 'join' }],
    });
    // The same flows, renamed by the plan: it moves.
    const renamed = joined('').replace('id="ja"', 'id="ja2"');
    expect(await migrate(run, renamed, { ja: 'ja2' })).toMatchObject({ migrated: true });
  });

  it('refuses an instance whose completed, undoable activity the target lacks', async () => {
    const undoable = (withBook: boolean) => `<bpmn:startEvent id="s" />
      ${
        withBook
          ? `<bpmn:task id="book" />
      <bpmn:boundaryEvent id="bookUndo" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
      <bpmn:userTask id="cancelBooking" isForCompensation="true" tthc:role="office" />
      <bpmn:association id="a1" associationDirection="One" sourceRef="bookUndo" targetRef="cancelBooking" />
      <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="book" />
      <bpmn:sequenceFlow id="f2" sourceRef="book" targetRef="wait" />`
          : '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait" />'
      }
      <bpmn:userTask id="wait" tthc:role="office" />
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="e" />`;
    const run = await Run.start(undoable(true));
    expect(run.state.compensable).toEqual(['book']);
    expect(await migrate(run, undoable(false))).toMatchObject({
      migrated: false,
      refusals: [{ code: 'COMPENSATION_REMOVED', elementId: 'book' }],
    });
  });
});
