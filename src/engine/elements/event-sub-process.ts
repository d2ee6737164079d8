import type { FlowNode } from '../../bpmn/model';
import { cancelScope } from '../cancel';
import type { Execution } from '../execution';
import { subscribeEventSubProcesses, unsubscribeScope } from '../subscriptions';

/**
 * Starts an event sub-process in the scope where it is defined, at its start event. An
 * interrupting one first ends everything else in that scope (tasks, waits, other listeners); a
 * non-interrupting one runs beside it. The scope completes when both are done (see settle.ts).
 */
export function startEventSubProcess(execution: Execution, start: FlowNode, scopeId: number): void {
  const eventSubProcess = execution.node(start.parentId ?? '');
  if (start.cancelActivity !== false) {
    unsubscribeScope(execution, scopeId);
    execution.dropMoving(scopeId);
    cancelScope(execution, scopeId, { removeScope: false });
  }
  execution.history('ELEMENT_ACTIVATED', eventSubProcess.id, eventSubProcess.type);
  const inner = {
    id: execution.newId(),
    elementId: eventSubProcess.id,
    parentId: scopeId,
    variables: {},
  };
  execution.state.scopes.push(inner);
  subscribeEventSubProcesses(execution, inner.id);
  execution.arrive(start.id, { scopeId: inner.id });
}
