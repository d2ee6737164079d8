import type { FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import { cancelScope, cancelToken } from './cancel';
import { startEventSubProcess } from './elements/event-sub-process';
import { ROOT_SCOPE, type Execution } from './execution';
import { eventSubProcessesIn } from './subscriptions';
import type { Token } from './types';

/**
 * Throws an error or an escalation from inside a scope. Going outwards, the first catcher wins:
 * an event sub-process of the scope, else a boundary event of the sub-process around it (one
 * without a code catches every code). An
 * interrupting catch cancels the sub-process; a non-interrupting one (escalations only) lets it
 * go on. An uncaught escalation changes nothing, as BPMN says; an uncaught error refuses the step.
 * Returns whether the thrower's own scope goes on.
 */
export function throwEvent(
  execution: Execution,
  thrower: { id: string; type: string },
  kind: 'error' | 'escalation',
  code: string | undefined,
  scopeId: number,
  /** Caught only where the catcher names the code, and not passed on to a calling process. */
  options: { namedOnly?: boolean } = {},
): boolean {
  execution.history(
    kind === 'error' ? 'ERROR_THROWN' : 'ESCALATION_THROWN',
    thrower.id,
    thrower.type,
  );
  const matches = (catcher: FlowNode) =>
    catcher.event?.kind === kind &&
    catches(catcher, code) &&
    !(options.namedOnly && codeOf(catcher) === undefined);
  for (let current = execution.scope(scopeId); ;) {
    // First an event sub-process of this scope, then a boundary event of the sub-process around it.
    const start = eventSubProcessesIn(execution, current.id)
      .map((id) => execution.node(execution.node(id).startIds?.[0] ?? ''))
      .find(matches);
    if (start) {
      startEventSubProcess(execution, start, current.id);
      return start.cancelActivity === false;
    }
    if (current.id === ROOT_SCOPE) break;
    const owner = current.tokenId === undefined ? undefined : execution.token(current.tokenId);
    // One instance of a multi-instance activity: its boundary events belong to the body, above.
    if (owner && !isItemToken(execution, owner)) {
      const host = execution.node(owner.elementId);
      const catcher = (host.boundaryEvents ?? []).map((id) => execution.node(id)).find(matches);
      if (catcher) {
        if (catcher.cancelActivity !== false) cancelToken(execution, owner);
        execution.arrive(catcher.id, { scopeId: owner.scopeId });
        return catcher.cancelActivity === false;
      }
    }
    if (current.parentId === undefined) break;
    current = execution.scope(current.parentId);
  }
  if (execution.state.calledByParent && !options.namedOnly) {
    // The caller's call activity may catch it; an error ends this instance.
    execution.effects.push({ type: 'THROW_TO_PARENT', kind, ...(code !== undefined && { code }) });
    if (kind === 'error') {
      execution.state.status = 'TERMINATED';
      cancelScope(execution, ROOT_SCOPE, { removeScope: false });
      execution.history('PROCESS_TERMINATED', execution.model.key, 'process');
      return false;
    }
    return true;
  }
  if (kind === 'error') {
    throw new AppError(
      'UNHANDLED_ERROR',
      `'${thrower.id}' throws the error${code ? ` '${code}'` : ''}, and no boundary event or event sub-process around it catches it`,
      { elementId: thrower.id, errorCode: code },
    );
  }
  return true;
}

function codeOf(catcher: FlowNode): string | undefined {
  const event = catcher.event;
  if (event?.kind === 'error') return event.errorCode;
  return event?.kind === 'escalation' ? event.escalationCode : undefined;
}

function catches(catcher: FlowNode, code: string | undefined): boolean {
  const event = catcher.event;
  if (event?.kind === 'error') return event.errorCode === undefined || event.errorCode === code;
  if (event?.kind === 'escalation')
    return event.escalationCode === undefined || event.escalationCode === code;
  return false;
}

/**
 * A worker's BPMN error at a service task, or an error or escalation from the instance a call
 * activity started: a matching boundary event on the activity catches it first, then the scopes
 * around it as for any throw. An interrupting catch ends the activity.
 */
export function throwAtWait(
  execution: Execution,
  waitId: number,
  kind: 'error' | 'escalation',
  code: string | undefined,
): void {
  const token = execution.token(waitId);
  const node = token && execution.model.nodes[token.elementId];
  if (!token || !node)
    throw new AppError('JOB_NOT_ACTIVE', `Nothing waits as '${waitId}' in this instance`);
  const catcher = isItemToken(execution, token)
    ? undefined
    : (node.boundaryEvents ?? [])
        .map((id) => execution.node(id))
        .find((boundary) => boundary.event?.kind === kind && catches(boundary, code));
  if (catcher) {
    execution.history(kind === 'error' ? 'ERROR_THROWN' : 'ESCALATION_THROWN', node.id, node.type);
    if (catcher.cancelActivity !== false) cancelToken(execution, token);
    execution.arrive(catcher.id, { scopeId: token.scopeId });
    return;
  }
  if (kind === 'error') cancelToken(execution, token);
  throwEvent(execution, node, kind, code, token.scopeId);
}

/** A token of one instance of a multi-instance activity (not the body that holds them). */
function isItemToken(execution: Execution, token: Token): boolean {
  const scope = execution.scope(token.scopeId);
  return scope.multiInstance === 'item' && scope.elementId === token.elementId;
}
