import type { ProcessModel } from '../../../src/bpmn/model';
import { processVariables } from '../../../src/engine/state';
import { step } from '../../../src/engine/step';
import type { Command, Effect, InstanceState, Variables } from '../../../src/engine/types';
import { bpmnProcess } from '../../support/bpmn';
import { modelOf } from '../../support/models';

/** Monday 2 March 2026, 09:00 in Hà Nội: inside office hours. */
export const T0 = '2026-03-02T02:00:00.000Z';

/**
 * A pure driver over `step()`: one instance of a small process, moved command by command with a
 * clock that only the test moves. No database, no engine internals: what a test reads is the
 * state and the effects `step()` returns.
 */
export class Run {
  /** Every effect so far, in order; `effects` is the last step's. */
  readonly all: Effect[] = [];
  effects: Effect[] = [];

  private constructor(
    readonly model: ProcessModel,
    public state: InstanceState,
    public now: string,
  ) {}

  /** Compiles `elements` as process `p` (with `rootElements` beside it) and starts it. */
  static async start(
    elements: string,
    variables: Variables = {},
    options: {
      rootElements?: string;
      startEventId?: string;
      now?: string;
      /** The process element's attributes (a statutory time). */
      attributes?: string;
    } = {},
  ): Promise<Run> {
    const model = await modelOf(
      bpmnProcess('p', elements, options.attributes ?? '', options.rootElements ?? ''),
    );
    const now = options.now ?? T0;
    const { state, effects } = step(
      model,
      undefined,
      { type: 'START', variables, startEventId: options.startEventId },
      now,
    );
    const run = new Run(model, state, now);
    run.record(effects);
    return run;
  }

  /** Runs a command; the engine's refusal is thrown, and the run stays as it was. */
  send(command: Command): this {
    const { state, effects } = step(this.model, this.state, command, this.now);
    this.state = state;
    this.record(effects);
    return this;
  }

  at(now: string): this {
    this.now = now;
    return this;
  }

  /** The token waiting at an element (the only one). */
  tokenAt(elementId: string): number {
    const token = this.state.tokens.find((t) => t.elementId === elementId);
    if (!token) throw new Error(`no token at ${elementId}: ${this.tokens().join(', ')}`);
    return token.id;
  }

  complete(elementId: string, variables: Variables = {}): this {
    return this.send({ type: 'COMPLETE_TASK', waitId: this.tokenAt(elementId), variables });
  }

  completeJob(elementId: string, variables: Variables = {}): this {
    return this.send({ type: 'COMPLETE_JOB', waitId: this.tokenAt(elementId), variables });
  }

  throwError(elementId: string, code: string): this {
    const waitId = this.tokenAt(elementId);
    return this.send({ type: 'THROW_AT_WAIT', waitId, kind: 'error', code, variables: {} });
  }

  childCompleted(elementId: string, variables: Variables = {}): this {
    return this.send({ type: 'CHILD_COMPLETED', waitId: this.tokenAt(elementId), variables });
  }

  /** Fires the timer waiting at an element (a catch event or a boundary event). */
  fire(elementId: string): this {
    const timer = this.state.subscriptions.find(
      (s) => s.kind === 'timer' && s.elementId === elementId,
    );
    if (!timer) throw new Error(`no timer at ${elementId}`);
    return this.send({ type: 'FIRE_TIMER', subscriptionId: timer.id });
  }

  correlate(messageName: string, variables: Variables = {}): this {
    const wait = this.state.subscriptions.find(
      (s) => s.kind === 'message' && s.messageName === messageName,
    );
    if (!wait) throw new Error(`nothing waits for ${messageName}`);
    return this.send({ type: 'CORRELATE_MESSAGE', subscriptionId: wait.id, variables });
  }

  /** A broadcast signal reaches the instance's wait for it (the first, if several). */
  signal(signalName: string, variables: Variables = {}): this {
    const wait = this.state.subscriptions.find(
      (s) => s.kind === 'signal' && s.signalName === signalName,
    );
    if (!wait) throw new Error(`nothing waits for the signal ${signalName}`);
    return this.send({ type: 'CATCH_SIGNAL', subscriptionId: wait.id, variables });
  }

  /** Where tokens wait, by element, sorted. */
  tokens(): string[] {
    return this.state.tokens.map((t) => t.elementId).sort();
  }

  variables(): Variables {
    return processVariables(this.state);
  }

  /** The last step's effects of a kind. */
  of<T extends Effect['type']>(type: T): Extract<Effect, { type: T }>[] {
    return this.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
  }

  /** The last step's history, as `EVENT element`. */
  history(): string[] {
    return this.of('HISTORY').map((e) => `${e.eventType} ${e.elementId}`);
  }

  private record(effects: Effect[]): void {
    this.effects = effects;
    this.all.push(...effects);
  }
}

/**
 * A start event → `body` (from its element `first` to `last`) → an end event. Inside a
 * sub-process, `prefix` keeps the ids of its start, end and flows apart from the outer ones.
 */
export function between(body: string, first: string, last: string, prefix = ''): string {
  return `<bpmn:startEvent id="${prefix}start" />
    <bpmn:sequenceFlow id="${prefix}in" sourceRef="${prefix}start" targetRef="${first}" />
    ${body}
    <bpmn:sequenceFlow id="${prefix}out" sourceRef="${last}" targetRef="${prefix}end" />
    <bpmn:endEvent id="${prefix}end" />`;
}
