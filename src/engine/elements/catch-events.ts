import type { ArriveBehaviour } from '../execution';
import { subscribe, subscribeBoundaries } from '../subscriptions';
import { beginWait } from '../wait';

/** A catch event or a receive task: the token waits for its message, time, signal or condition. */
export const arriveAtMessageCatch: ArriveBehaviour = (execution, node, { scopeId }) => {
  // A link catch event is where its throw event's token goes on.
  if (node.event?.kind === 'link') {
    execution.pass(node);
    execution.leave(node, scopeId);
    return;
  }
  const token = beginWait(execution, node, scopeId);
  subscribe(execution, node, { token });
  if (node.type === 'receiveTask') subscribeBoundaries(execution, node, token);
};

/** A boundary event that was triggered: it passes on in the scope of its activity. */
export const arriveAtBoundaryEvent: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.pass(node);
  execution.leave(node, scopeId);
};
