import type { ArriveBehaviour } from '../execution';

/** A start event passes the new token straight on (a message start's message is already in). */
export const arriveAtStartEvent: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.pass(node);
  execution.leave(node, scopeId);
};
