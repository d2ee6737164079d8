import { AppError } from '../../errors';
import { conditionHolds } from '../condition';
import type { ArriveBehaviour } from '../execution';

/**
 * An exclusive gateway takes the first outgoing flow, in document order, whose condition holds;
 * else its default flow. With neither, the step fails: the dossier would otherwise be stuck.
 * Arrivals pass through one by one, so it also serves as a merge.
 */
export const arriveAtExclusiveGateway: ArriveBehaviour = (execution, node, { scopeId }) => {
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const { flows } = execution.model;
  const variables = execution.visibleVariables(scopeId);
  const chosen =
    node.outgoing.find(
      (flowId) => flowId !== node.defaultFlow && conditionHolds(flows[flowId], node.id, variables),
    ) ?? node.defaultFlow;
  if (chosen === undefined) {
    throw new AppError(
      'NO_FLOW_MATCHED',
      `No condition of gateway '${node.id}' holds and it has no default flow`,
      { elementId: node.id },
    );
  }
  execution.history('ELEMENT_COMPLETED', node.id, node.type);
  execution.take(chosen, scopeId);
};
