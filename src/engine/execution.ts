import type { FlowNode, ProcessModel } from '../bpmn/model';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors';
import { continueLater } from './continuation';
import { conditionHolds } from './condition';
import type {
  Effect,
  HistoryEventType,
  InstanceState,
  Instant,
  JsonValue,
  Scope,
  Token,
  Variables,
} from './types';

/**
 * A loop of gateways with no wait state in between would otherwise run forever inside one step.
 * No procedure passes this many elements without stopping at a task.
 */
export const MAX_ACTIVATIONS_PER_STEP = 10_000;

/** The process itself runs in scope 0. */
export const ROOT_SCOPE = 0;

/** What a multi-instance body counts, visible to its completion condition. */
export const MULTI_INSTANCE_COUNTERS = new Set([
  'nrOfInstances',
  'nrOfActiveInstances',
  'nrOfCompletedInstances',
]);

/** What each kind of flow node does when a token arrives at it. */
export type ArriveBehaviour = (execution: Execution, node: FlowNode, arrival: Arrival) => void;

export interface Arrival {
  scopeId: number;
  /** The sequence flow the token came by, if any. */
  via?: string;
  /** One instance of a multi-instance activity, inside its item scope. */
  item?: true;
  /** Resumed by its async continuation: the element runs now rather than wait again. */
  continued?: true;
}

/** Evaluates a DMN decision for a business rule task; the store gives one that reads deployed decisions. */
export type DecisionEvaluator = (
  decision: NonNullable<FlowNode['decision']>,
  elementId: string,
  variables: Variables,
) => JsonValue;

const noDecisions: DecisionEvaluator = (decision, elementId) => {
  throw new AppError(
    'DECISION_NOT_FOUND',
    `'${elementId}' evaluates the decision '${decision.decisionId}', which is not deployed`,
    { elementId, decisionId: decision.decisionId },
  );
};

/** Work done once every moving token has stopped: a scope that emptied, a join that may fire. */
export type SettleRule = (execution: Execution) => boolean;

/**
 * The working copy of one step: the state being changed, the effects collected so far and the
 * tokens still moving. Tokens move breadth-first, in document order, so a step is deterministic.
 */
export class Execution {
  readonly effects: Effect[] = [];
  private readonly moving: (Arrival & { elementId: string })[] = [];
  private activations = 0;

  constructor(
    readonly model: ProcessModel,
    readonly state: InstanceState,
    readonly now: Instant,
    /** Working days and hours, for deadlines and working-time timers. */
    readonly calendar: WorkingCalendar,
    private readonly behaviours: Record<FlowNode['type'], ArriveBehaviour>,
    private readonly settleRules: SettleRule[],
    private readonly multiInstanceBehaviour?: ArriveBehaviour,
    private readonly decisions: DecisionEvaluator = noDecisions,
  ) {}

  node(elementId: string): FlowNode {
    const node = this.model.nodes[elementId];
    if (!node) throw new Error(`Element '${elementId}' is not in process '${this.model.key}'`);
    return node;
  }

  history(
    eventType: HistoryEventType,
    elementId: string,
    elementType: string,
    more: { actor?: string; waitId?: number; reason?: string } = {},
  ): void {
    this.effects.push({
      type: 'HISTORY',
      eventType,
      elementId,
      elementType,
      at: this.now,
      ...more,
    });
  }

  /** A token arrives at an element; it is handled when the tokens before it have moved on. */
  arrive(elementId: string, arrival: Arrival): void {
    this.moving.push({ elementId, ...arrival });
  }

  /** Moves every token until each one waits or ends, then settles scopes and joins. */
  run(): void {
    do {
      for (let next = this.moving.shift(); next; next = this.moving.shift()) {
        if (++this.activations > MAX_ACTIVATIONS_PER_STEP) {
          throw new AppError(
            'LOOP_LIMIT',
            `More than ${MAX_ACTIVATIONS_PER_STEP} elements were passed without reaching a wait state; the process loops at '${next.elementId}'`,
            { elementId: next.elementId },
          );
        }
        // A token whose scope was canceled while it was on its way goes no further.
        if (!this.state.scopes.some((scope) => scope.id === next.scopeId)) continue;
        const node = this.node(next.elementId);
        if (node.asyncBefore && !next.continued && !next.item) {
          continueLater(this, node, next);
          continue;
        }
        const behaviour =
          node.multiInstance && !next.item && this.multiInstanceBehaviour
            ? this.multiInstanceBehaviour
            : this.behaviours[node.type];
        behaviour(this, node, next);
      }
    } while (this.settleRules.some((rule) => rule(this)));
  }

  /** Drops the tokens on their way inside a scope: a terminate end event consumed them. */
  dropMoving(scopeId: number): void {
    const kept = this.moving.filter((entry) => entry.scopeId !== scopeId);
    this.moving.splice(0, this.moving.length, ...kept);
  }

  /** Takes a sequence flow: records it and moves a token to its target, in the same scope. */
  take(flowId: string, scopeId: number): void {
    const flow = this.model.flows[flowId];
    this.history('SEQUENCE_FLOW_TAKEN', flowId, 'sequenceFlow');
    this.arrive(flow.targetRef, { scopeId, via: flowId });
  }

  /**
   * Leaves an activity or event the BPMN way: every unconditional flow, every conditional flow
   * whose condition holds, and the default flow only when no conditional flow was taken.
   * With no outgoing flow at all the token simply ends here (an implicit end); with outgoing flows
   * of which none may be taken, the step fails rather than lose the token.
   */
  leave(node: FlowNode, scopeId: number): void {
    // One instance of a multi-instance activity ends here; its body moves on when all are done.
    const scope = this.scope(scopeId);
    if (scope.multiInstance === 'item' && scope.elementId === node.id) return;
    const flows = this.model.flows;
    const variables = this.visibleVariables(scopeId);
    const taken = node.outgoing.filter(
      (flowId) => flowId !== node.defaultFlow && conditionHolds(flows[flowId], node.id, variables),
    );
    const conditionalTaken = taken.some((flowId) => flows[flowId].condition !== undefined);
    if (node.defaultFlow && !conditionalTaken) taken.push(node.defaultFlow);
    if (taken.length === 0 && node.outgoing.length > 0) {
      throw new AppError(
        'NO_FLOW_MATCHED',
        `No outgoing flow of '${node.id}' may be taken: no condition holds`,
        { elementId: node.id },
      );
    }
    for (const flowId of taken) this.take(flowId, scopeId);
  }

  /** Records an element as passed through at once: activated, then completed. */
  pass(node: FlowNode): void {
    this.history('ELEMENT_ACTIVATED', node.id, node.type);
    this.history('ELEMENT_COMPLETED', node.id, node.type);
  }

  /** An activity has done its work (not yet left): recorded, and remembered if it can be undone. */
  completed(node: FlowNode, more: { actor?: string; waitId?: number } = {}): void {
    this.history('ELEMENT_COMPLETED', node.id, node.type, more);
    if (node.compensatedBy) (this.state.compensable ??= []).push(node.id);
  }

  /** Evaluates a business rule task's decision with the decisions the step was given. */
  evaluateDecision(
    decision: NonNullable<FlowNode['decision']>,
    elementId: string,
    variables: Variables,
  ): JsonValue {
    return this.decisions(decision, elementId, variables);
  }

  newId(): number {
    return this.state.nextId++;
  }

  addToken(elementId: string, scopeId: number, arrivedVia?: string): Token {
    const token: Token = { id: this.newId(), elementId, scopeId };
    if (arrivedVia !== undefined) token.arrivedVia = arrivedVia;
    this.state.tokens.push(token);
    return token;
  }

  /** The tokens that have arrived at an element in a scope (not those waiting in front of it). */
  arrivedAt(elementId: string, scopeId: number): Token[] {
    return this.state.tokens.filter(
      (t) => t.elementId === elementId && t.scopeId === scopeId && !t.continuation,
    );
  }

  removeToken(token: Token): void {
    this.state.tokens = this.state.tokens.filter((t) => t.id !== token.id);
  }

  token(id: number): Token | undefined {
    return this.state.tokens.find((t) => t.id === id);
  }

  scope(id: number): Scope {
    const scope = this.state.scopes.find((s) => s.id === id);
    if (!scope) throw new Error(`Scope ${id} is not in the instance`);
    return scope;
  }

  /** The scope chain from `scopeId` up to the process, innermost first. */
  scopeChain(scopeId: number): Scope[] {
    const chain: Scope[] = [];
    for (let scope: Scope | undefined = this.scope(scopeId); scope;) {
      chain.push(scope);
      scope = scope.parentId === undefined ? undefined : this.scope(scope.parentId);
    }
    return chain;
  }

  /**
   * The variables an expression sees in a scope: its own over those of the scopes around it.
   * For reading only; `copyOfVariables` is for what leaves the step (effects, children).
   */
  visibleVariables(scopeId: number): Variables {
    const chain = this.scopeChain(scopeId).reverse();
    return Object.assign({}, ...chain.map((scope) => scope.variables));
  }

  copyOfVariables(scopeId: number): Variables {
    return structuredClone(this.visibleVariables(scopeId));
  }

  /**
   * Sets variables from a scope: each one where it is already defined, nearest first, or else on
   * the process, so that what an officer enters is seen by the whole dossier.
   */
  setVariables(scopeId: number, variables: Variables): void {
    const chain = this.scopeChain(scopeId);
    for (const [name, value] of Object.entries(structuredClone(variables))) {
      const owner = chain.find((scope) => name in scope.variables) ?? chain[chain.length - 1];
      // The counters of a multi-instance body are the engine's: nothing else writes them.
      if (owner.multiInstance === 'body' && MULTI_INSTANCE_COUNTERS.has(name)) continue;
      owner.variables[name] = value;
    }
  }
}
