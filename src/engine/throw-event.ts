import type { FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import { cancelToken } from './cancel';
import { ROOT_SCOPE, type Execution } from './execution';

/**
 * Throws an error or an escalation from inside a scope. The nearest enclosing sub-process with a
 * matching boundary event catches it (a boundary without a code catches every code). An
 * interrupting catch cancels the sub-process; a non-interrupting one (escalations only) lets it
 * go on. An uncaught escalation changes nothing, as BPMN says; an uncaught error refuses the step.
 * Returns whether the thrower's own scope goes on.
 */
export function throwEvent(
  execution: Execution,
  thrower: FlowNode,
  kind: 'error' | 'escalation',
  code: string | undefined,
  scopeId: number,
): boolean {
  execution.history(
    kind === 'error' ? 'ERROR_THROWN' : 'ESCALATION_THROWN',
    thrower.id,
    thrower.type,
  );
  for (let current = execution.scope(scopeId); current.id !== ROOT_SCOPE;) {
    const owner = current.tokenId === undefined ? undefined : execution.token(current.tokenId);
    if (!owner) break;
    const host = execution.node(owner.elementId);
    const catcher = (host.boundaryEvents ?? [])
      .map((id) => execution.node(id))
      .find((boundary) => boundary.event?.kind === kind && catches(boundary, code));
    if (catcher) {
      if (catcher.cancelActivity !== false) cancelToken(execution, owner);
      execution.arrive(catcher.id, { scopeId: owner.scopeId });
      return catcher.cancelActivity === false;
    }
    current = execution.scope(owner.scopeId);
  }
  if (kind === 'error') {
    throw new AppError(
      'UNHANDLED_ERROR',
      `'${thrower.id}' throws the error${code ? ` '${code}'` : ''}, and no boundary event around it catches it`,
      { elementId: thrower.id, errorCode: code },
    );
  }
  return true;
}

function catches(boundary: FlowNode, code: string | undefined): boolean {
  const event = boundary.event;
  if (event?.kind === 'error') return event.errorCode === undefined || event.errorCode === code;
  if (event?.kind === 'escalation')
    return event.escalationCode === undefined || event.escalationCode === code;
  return false;
}
