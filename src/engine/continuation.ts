import type { FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import type { Arrival, Execution } from './execution';

/**
 * Async continuations (`camunda:asyncBefore`): a token reaching such an element stops in front
 * of it and the step ends there; a job continues it in a step of its own. What the element does
 * then (a call to another system, a heavy multi-instance) no longer rides on the step that led
 * to it, and if it fails, the job's retries and incident take it, not the officer's click.
 */
export function continueLater(execution: Execution, node: FlowNode, arrival: Arrival): void {
  const token = execution.addToken(node.id, arrival.scopeId, arrival.via);
  token.continuation = true;
  execution.effects.push({ type: 'CONTINUE_LATER', waitId: token.id, elementId: node.id });
}

/** The continuation's job runs: the token goes into the element it waited in front of. */
export function continueAt(execution: Execution, waitId: number): void {
  const token = execution.token(waitId);
  if (!token?.continuation) {
    throw new AppError('JOB_NOT_ACTIVE', `No continuation waits as '${waitId}' in this instance`);
  }
  execution.removeToken(token);
  execution.arrive(token.elementId, {
    scopeId: token.scopeId,
    ...(token.arrivedVia !== undefined && { via: token.arrivedVia }),
    continued: true,
  });
}
