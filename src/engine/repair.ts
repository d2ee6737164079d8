import type { FlowNode, FlowNodeType } from '../bpmn/model';
import { AppError } from '../errors';
import { cancelToken } from './cancel';
import { type Execution, ROOT_SCOPE } from './execution';
import type { Token } from './types';

/**
 * Putting an instance back on track, by an administrator, with a reason: a token moved from one
 * step to another, or a step canceled. Only within one scope: the target is in the same
 * sub-process as the source (or both at the process level), never inside a multi-instance or
 * sub-process scope the source is not in.
 */

/** Where a moved token may go: the elements a token waits at, which begin with nothing before them. */
const TARGETS: ReadonlySet<FlowNodeType> = new Set([
  'userTask',
  'task',
  'manualTask',
  'scriptTask',
  'businessRuleTask',
  'receiveTask',
  'serviceTask',
  'sendTask',
  'subProcess',
  'callActivity',
  'intermediateCatchEvent',
  'eventBasedGateway',
]);

/**
 * The tokens waiting at `fromElementId` are withdrawn as an interrupting event would withdraw
 * them (task, timers, jobs, waits and inner scopes go), and one token per scope they were in
 * enters `toElementId`, which opens its task, timers and jobs as if a flow had led there.
 */
export function moveToken(
  execution: Execution,
  move: { fromElementId: string; toElementId: string; actor?: string; reason: string },
): void {
  const from = elementOf(execution, move.fromElementId);
  const to = elementOf(execution, move.toElementId);
  if (!TARGETS.has(to.type)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `A token cannot be moved to '${to.id}': a ${to.type} does not hold a waiting token (move it to an activity or a catch event)`,
      { elementId: to.id, field: 'toElementId' },
    );
  }
  if (to.parentId !== from.parentId) {
    throw new AppError(
      'BAD_USER_INPUT',
      `A token can be moved only within its scope: '${to.id}' is not in the same sub-process as '${from.id}'`,
      { elementId: to.id, field: 'toElementId' },
    );
  }
  const tokens = tokensAt(execution, from);
  const scopes = [...new Set(tokens.map((token) => token.scopeId))];
  for (const token of tokens) cancelToken(execution, token);
  execution.history('TOKEN_MOVED', to.id, to.type, { actor: move.actor, reason: move.reason });
  for (const scopeId of scopes) execution.arrive(to.id, { scopeId });
}

/**
 * The tokens waiting at `elementId` are withdrawn. Refused when that would leave their scope with
 * nothing running: the sub-process would complete and move on, or the process end, unasked.
 */
export function cancelActivity(
  execution: Execution,
  cancel: { elementId: string; actor?: string; reason: string },
): void {
  const node = elementOf(execution, cancel.elementId);
  const tokens = tokensAt(execution, node);
  for (const token of tokens) cancelToken(execution, token);
  const { state } = execution;
  const emptied = tokens.find(
    ({ scopeId }) =>
      !state.tokens.some((t) => t.scopeId === scopeId) &&
      !state.scopes.some((s) => s.parentId === scopeId),
  );
  if (emptied) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Canceling '${node.id}' would leave ${emptied.scopeId === ROOT_SCOPE ? 'the process' : 'its sub-process'} with no step: move the token instead`,
      { elementId: node.id, field: 'elementId' },
    );
  }
  execution.history('STEP_CANCELED', node.id, node.type, {
    actor: cancel.actor,
    reason: cancel.reason,
  });
}

function elementOf(execution: Execution, elementId: string): FlowNode {
  const node = execution.model.nodes[elementId];
  if (!node) {
    const what = execution.model.flows[elementId] ? 'a sequence flow, not a step, of' : 'not in';
    throw new AppError(
      'ELEMENT_NOT_FOUND',
      `'${elementId}' is ${what} process '${execution.model.key}'`,
      { elementId },
    );
  }
  return node;
}

/**
 * The tokens at an element in the scope around it: a multi-instance activity's own token, not
 * those of its instances (which live in scopes of the activity itself).
 */
function tokensAt(execution: Execution, node: FlowNode): Token[] {
  const around = (token: Token) => {
    const scope = execution.scope(token.scopeId);
    return scope.id === ROOT_SCOPE
      ? node.parentId === undefined
      : scope.elementId === node.parentId;
  };
  const tokens = execution.state.tokens.filter((t) => t.elementId === node.id && around(t));
  if (tokens.length === 0) {
    throw new AppError('NO_TOKEN_AT_ELEMENT', `No token waits at '${node.id}'`, {
      elementId: node.id,
    });
  }
  return tokens;
}
