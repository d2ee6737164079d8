import type { FlowNode } from '../bpmn/model';
import type { Execution, SettleRule } from './execution';

/**
 * Compensation undoes completed work: a compensation throw or end event runs the handlers of
 * the activities that completed in its scope (or of the one it names), most recent first, one
 * after another, while its token waits. Each completion is undone once.
 */
export function compensate(execution: Execution, node: FlowNode, scopeId: number): void {
  const event = node.event;
  if (event?.kind !== 'compensate') return;
  execution.history('COMPENSATION_STARTED', node.id, node.type);
  const within = compensationScopeOf(execution, node);
  const done = execution.state.compensable ?? [];
  const chosen = done.filter((elementId) =>
    event.activityRef
      ? elementId === event.activityRef || isInside(execution, elementId, event.activityRef)
      : within === undefined || isInside(execution, elementId, within),
  );
  execution.state.compensable = done.filter((elementId) => !chosen.includes(elementId));
  const pending = chosen.reverse().map((elementId) => execution.node(elementId).compensatedBy!);
  const token = execution.addToken(node.id, scopeId);
  token.compensating = { pending };
}

/** A waiting compensation starts its next handler once the one before has finished. */
export const continueCompensations: SettleRule = (execution) => {
  let moved = false;
  for (const token of execution.state.tokens.filter((t) => t.compensating)) {
    const compensating = token.compensating!;
    if (compensating.running && handlerRuns(execution, compensating.running)) continue;
    const next = compensating.pending.shift();
    moved = true;
    if (next) {
      compensating.running = next;
      execution.arrive(next, { scopeId: token.scopeId });
      continue;
    }
    // Every handler has run: the throw event goes on, an end event ends its path.
    const node = execution.node(token.elementId);
    execution.removeToken(token);
    execution.completed(node);
    if (node.type === 'intermediateThrowEvent') execution.leave(node, token.scopeId);
  }
  return moved;
};

function handlerRuns(execution: Execution, handlerId: string): boolean {
  return (
    execution.state.tokens.some((t) => t.elementId === handlerId) ||
    execution.state.scopes.some((scope) => scope.elementId === handlerId)
  );
}

/**
 * The sub-process whose activities a throw compensates: the one it is in, or, from an event
 * sub-process, the one around that. Undefined: the process itself.
 */
function compensationScopeOf(execution: Execution, node: FlowNode): string | undefined {
  const parent = node.parentId === undefined ? undefined : execution.node(node.parentId);
  return parent?.triggeredByEvent ? parent.parentId : parent?.id;
}

function isInside(execution: Execution, elementId: string, ancestorId: string): boolean {
  for (let at = execution.node(elementId).parentId; at; at = execution.node(at).parentId) {
    if (at === ancestorId) return true;
  }
  return false;
}
