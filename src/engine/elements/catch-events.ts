import type { ArriveBehaviour } from '../execution';
import { inputsOf } from '../io';
import { subscribe, subscribeBoundaries } from '../subscriptions';

/** A message or timer catch event, or a receive task: the token waits for its message or time. */
export const arriveAtMessageCatch: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const token = execution.addToken(node.id, scopeId);
  const locals = inputsOf(execution, node, scopeId);
  if (locals) token.locals = locals;
  subscribe(execution, node, { token });
  if (node.type === 'receiveTask') subscribeBoundaries(execution, node, token);
};

/** A boundary event that was triggered: it passes on in the scope of its activity. */
export const arriveAtBoundaryEvent: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.pass(node);
  execution.leave(node, scopeId);
};
