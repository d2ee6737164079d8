import { AppError } from '../../errors';
import type { ArriveBehaviour, Execution } from '../execution';
import { handBack } from '../variable-mapping';
import { subscribeBoundaries } from '../subscriptions';
import type { Variables } from '../types';
import { beginWait, finishWait, takeWait } from '../wait';

/**
 * A service or send task: its token waits while a job does the work, taken after this step
 * commits by a registered handler or an external worker.
 */
export const arriveAtServiceTask: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = beginWait(execution, node, scopeId);
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
  const { token, node } = takeWait(
    execution,
    waitId,
    ['serviceTask', 'sendTask', 'intermediateThrowEvent', 'endEvent'],
    () => new AppError('JOB_NOT_ACTIVE', `No job waits as '${waitId}' in this instance`),
  );
  handBack(execution, node, token, variables);
  finishWait(execution, node, token);
}
