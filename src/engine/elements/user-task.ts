import { AppError } from '../../errors';
import type { ArriveBehaviour, Execution } from '../execution';
import type { Variables } from '../types';

/** A token arriving at a user task waits there, and the task goes to its roles' inbox. */
export const arriveAtUserTask: ArriveBehaviour = (execution, node) => {
  const token = execution.addToken(node.id);
  execution.history('ELEMENT_ACTIVATED', node.id, node.type, { waitId: token.id });
  execution.effects.push({
    type: 'CREATE_TASK',
    waitId: token.id,
    elementId: node.id,
    name: node.name,
    candidateGroups: node.candidateGroups ?? [],
  });
};

/** Completing a task merges its variables into the instance and moves its token on. */
export function completeUserTask(
  execution: Execution,
  waitId: number,
  variables: Variables,
  actor: string | undefined,
): void {
  const token = execution.state.tokens.find((t) => t.id === waitId);
  const node = token && execution.model.nodes[token.elementId];
  if (!token || node?.type !== 'userTask') {
    throw new AppError('TASK_NOT_OPEN', `No open task waits as '${waitId}' in this instance`);
  }
  execution.removeToken(token);
  Object.assign(execution.state.variables, variables);
  execution.effects.push({ type: 'COMPLETE_TASK', waitId, actor });
  execution.history('ELEMENT_COMPLETED', node.id, node.type, { actor, waitId });
  execution.leave(node);
}
