import { AppError } from '../../errors';
import type { ArriveBehaviour, Execution } from '../execution';
import { subscribeBoundaries, unsubscribeToken } from '../subscriptions';
import { handBack, inputsOf } from '../io';
import type { Variables } from '../types';

/**
 * A service or send task: its token waits while a job does the work, taken after this step
 * commits by a registered handler or an external worker.
 */
export const arriveAtServiceTask: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = execution.addToken(node.id, scopeId);
  const locals = inputsOf(execution, node, scopeId);
  if (locals) token.locals = locals;
  execution.history('ELEMENT_ACTIVATED', node.id, node.type, { waitId: token.id });
  execution.effects.push({
    type: 'CREATE_JOB',
    waitId: token.id,
    elementId: node.id,
    jobType: node.jobType ?? '',
    retries: node.retries ?? 3,
  });
  subscribeBoundaries(execution, node, token);
};

/** The job is done: its variables are set and the task's token moves on. */
export function completeJob(execution: Execution, waitId: number, variables: Variables): void {
  const token = execution.token(waitId);
  const node = token && execution.model.nodes[token.elementId];
  if (!token || (node?.type !== 'serviceTask' && node?.type !== 'sendTask')) {
    throw new AppError('JOB_NOT_ACTIVE', `No job waits as '${waitId}' in this instance`);
  }
  unsubscribeToken(execution, token);
  execution.removeToken(token);
  handBack(execution, node, token, variables);
  execution.history('ELEMENT_COMPLETED', node.id, node.type, { waitId });
  execution.leave(node, token.scopeId);
}
