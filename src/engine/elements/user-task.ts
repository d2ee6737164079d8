import { AppError } from '../../errors';
import type { ArriveBehaviour, Execution } from '../execution';
import { subscribeBoundaries, unsubscribeToken } from '../subscriptions';
import { handBack, inputsOf } from '../io';
import type { Variables } from '../types';

/** A token arriving at a user task waits there, and the task goes to its roles' inbox. */
export const arriveAtUserTask: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = execution.addToken(node.id, scopeId);
  const locals = inputsOf(execution, node, scopeId);
  if (locals) token.locals = locals;
  execution.history('ELEMENT_ACTIVATED', node.id, node.type, { waitId: token.id });
  execution.effects.push({
    type: 'CREATE_TASK',
    waitId: token.id,
    elementId: node.id,
    name: node.name,
    candidateGroups: node.candidateGroups ?? [],
    ...(node.candidateUsers && { candidateUsers: node.candidateUsers }),
    ...(node.assignee && { assignee: node.assignee }),
    ...(node.formKey && { formKey: node.formKey }),
    ...(node.agency && { agency: node.agency }),
  });
  subscribeBoundaries(execution, node, token);
};

/** Completing a task sets its variables and moves its token on. */
export function completeUserTask(
  execution: Execution,
  waitId: number,
  variables: Variables,
  actor: string | undefined,
): void {
  const token = execution.token(waitId);
  const node = token && execution.model.nodes[token.elementId];
  if (!token || node?.type !== 'userTask') {
    throw new AppError('TASK_NOT_OPEN', `No open task waits as '${waitId}' in this instance`);
  }
  unsubscribeToken(execution, token);
  execution.removeToken(token);
  handBack(execution, node, token, variables);
  execution.effects.push({ type: 'COMPLETE_TASK', waitId, actor });
  execution.history('ELEMENT_COMPLETED', node.id, node.type, { actor, waitId });
  execution.leave(node, token.scopeId);
}
