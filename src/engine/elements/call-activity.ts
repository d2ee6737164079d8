import { AppError } from '../../errors';
import { MULTI_INSTANCE_COUNTERS, type ArriveBehaviour, type Execution } from '../execution';
import { subscribeBoundaries, unsubscribeToken } from '../subscriptions';
import { handBack, inputsOf } from '../io';
import type { Variables } from '../types';

/**
 * A call activity: its token waits while an instance of the called process runs, started by the
 * store in the same transaction. The child gets the mapped variables (all it sees, without
 * mappings) and the dossier's business key.
 */
export const arriveAtCallActivity: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = execution.addToken(node.id, scopeId);
  execution.history('ELEMENT_ACTIVATED', node.id, node.type, { waitId: token.id });
  const call = node.call;
  if (!call) throw new Error(`Call activity '${node.id}' was compiled without what it calls`);
  const visible = execution.copyOfVariables(scopeId);
  for (const name of [...MULTI_INSTANCE_COUNTERS, 'loopCounter']) delete visible[name];
  const locals = inputsOf(execution, node, scopeId);
  if (locals) token.locals = locals;
  // What passes in: the camunda:in mappings, or everything visible; input mappings add to it.
  const variables = { ...(call.inputs ? mapVariables(visible, call.inputs) : visible), ...locals };
  execution.effects.push({
    type: 'START_CHILD',
    waitId: token.id,
    elementId: node.id,
    processKey: call.processKey,
    ...(call.version !== undefined && { version: call.version }),
    variables,
    businessKey: execution.state.businessKey,
  });
  subscribeBoundaries(execution, node, token);
};

/** The child completed: its mapped variables (all of them, without mappings) come back. */
export function childCompleted(
  execution: Execution,
  waitId: number,
  childVariables: Variables,
): void {
  const token = execution.token(waitId);
  const node = token && execution.model.nodes[token.elementId];
  if (!token || node?.type !== 'callActivity') {
    throw new AppError(
      'INSTANCE_NOT_ACTIVE',
      `No call activity waits as '${waitId}' in this instance`,
    );
  }
  const outputs = node.call?.outputs;
  unsubscribeToken(execution, token);
  execution.removeToken(token);
  if (node.outputs) handBack(execution, node, token, childVariables);
  else
    execution.setVariables(
      token.scopeId,
      outputs ? mapVariables(childVariables, outputs) : childVariables,
    );
  execution.history('ELEMENT_COMPLETED', node.id, node.type, { waitId });
  execution.leave(node, token.scopeId);
}

function mapVariables(from: Variables, mappings: { source: string; target: string }[]): Variables {
  const mapped: Variables = {};
  for (const { source, target } of mappings) if (source in from) mapped[target] = from[source];
  return mapped;
}
