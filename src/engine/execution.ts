import { AppError } from '../errors';
import type { FlowNode, ProcessModel } from '../bpmn/model';
import { conditionHolds } from './condition';
import type { Effect, HistoryEventType, InstanceState, Instant, Token } from './types';

/**
 * A loop of gateways with no wait state in between would otherwise run forever inside one step.
 * No procedure passes this many elements without stopping at a task.
 */
export const MAX_ACTIVATIONS_PER_STEP = 10_000;

/** What each kind of flow node does when a token arrives at it. */
export type ArriveBehaviour = (
  execution: Execution,
  node: FlowNode,
  via: string | undefined,
) => void;

/**
 * The working copy of one step: the state being changed, the effects collected so far and the
 * tokens still moving. Tokens move breadth-first, in document order, so a step is deterministic.
 */
export class Execution {
  readonly effects: Effect[] = [];
  private readonly moving: { elementId: string; via?: string }[] = [];
  private activations = 0;

  constructor(
    readonly model: ProcessModel,
    readonly state: InstanceState,
    readonly now: Instant,
    private readonly behaviours: Record<FlowNode['type'], ArriveBehaviour>,
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
    more: { actor?: string; waitId?: number } = {},
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
  arrive(elementId: string, via?: string): void {
    this.moving.push({ elementId, via });
  }

  /** Moves every token until each one waits or ends. */
  run(): void {
    for (let next = this.moving.shift(); next; next = this.moving.shift()) {
      if (++this.activations > MAX_ACTIVATIONS_PER_STEP) {
        throw new AppError(
          'LOOP_LIMIT',
          `More than ${MAX_ACTIVATIONS_PER_STEP} elements were passed without reaching a wait state; the process loops at '${next.elementId}'`,
          { elementId: next.elementId },
        );
      }
      const node = this.node(next.elementId);
      this.behaviours[node.type](this, node, next.via);
    }
    this.completeIfDone();
  }

  /** Takes a sequence flow: records it and moves a token to its target. */
  take(flowId: string): void {
    const flow = this.model.flows[flowId];
    this.history('SEQUENCE_FLOW_TAKEN', flowId, 'sequenceFlow');
    this.arrive(flow.targetRef, flowId);
  }

  /**
   * Leaves an activity or event the BPMN way: every unconditional flow, every conditional flow
   * whose condition holds, and the default flow only when no conditional flow was taken.
   * With no outgoing flow at all the token simply ends here (an implicit end); with outgoing flows
   * of which none may be taken, the step fails rather than lose the token.
   */
  leave(node: FlowNode): void {
    const flows = this.model.flows;
    const taken = node.outgoing.filter(
      (flowId) =>
        flowId !== node.defaultFlow && conditionHolds(flows[flowId], node.id, this.state.variables),
    );
    const conditionalTaken = taken.some((flowId) => flows[flowId].condition !== undefined);
    if (node.defaultFlow && !conditionalTaken) taken.push(node.defaultFlow);
    if (taken.length === 0 && node.outgoing.length > 0) {
      throw new AppError(
        'NO_FLOW_MATCHED',
        `No outgoing flow of '${node.id}' may be taken: no condition holds`,
        {
          elementId: node.id,
        },
      );
    }
    for (const flowId of taken) this.take(flowId);
  }

  addToken(elementId: string, arrivedVia?: string): Token {
    const token: Token = { id: this.state.nextId++, elementId };
    if (arrivedVia !== undefined) token.arrivedVia = arrivedVia;
    this.state.tokens.push(token);
    return token;
  }

  removeToken(token: Token): void {
    this.state.tokens = this.state.tokens.filter((t) => t.id !== token.id);
  }

  private completeIfDone(): void {
    if (this.state.status === 'ACTIVE' && this.state.tokens.length === 0) {
      this.state.status = 'COMPLETED';
      this.history('PROCESS_COMPLETED', this.model.key, 'process');
    }
  }
}
