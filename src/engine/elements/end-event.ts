import type { ArriveBehaviour } from '../execution';

/** A none end event consumes the token; the instance completes when no token is left. */
export const arriveAtEndEvent: ArriveBehaviour = (execution, node) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
};
