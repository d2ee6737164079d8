import type { ArriveBehaviour } from '../execution';

/** A none start event passes the new instance's token straight on. */
export const arriveAtStartEvent: ArriveBehaviour = (execution, node) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
  execution.leave(node);
};
