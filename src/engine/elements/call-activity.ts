import { AppError } from '../../errors';
import { MULTI_INSTANCE_COUNTERS, type ArriveBehaviour, type Execution } from '../execution';
import { handBack } from '../variable-mapping';
import { subscribeBoundaries } from '../subscriptions';
import { beginWait, finishWait, takeWait } from '../wait';
import type { Variables } from '../types';

/**
 * A call activity: its token waits while an instance of the called process runs, started by the
 * store in the same transaction. The child gets the mapped variables (all it sees, without
 * mappings) and the dossier's business key.
 */
export const arriveAtCallActivity: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = beginWait(execution, node, scopeId);
  const call = node.call;
  if (!call) throw new Error(`Call activity '${node.id}' was compiled without what it calls`);
  const visible = execution.copyOfVariables(scopeId);
  for (const name of [...MULTI_INSTANCE_COUNTERS, 'loopCounter']) delete visible[name];
  // What passes in: the camunda:in mappings, or everything visible; input mappings add to it.
  const variables = {
    ...(call.inputs ? mapVariables(visible, call.inputs) : visible),
    ...token.locals,
  };
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
  const { token, node } = takeWait(
    execution,
    waitId,
    ['callActivity'],
    () =>
      new AppError('INSTANCE_NOT_ACTIVE', `No call activity waits as '${waitId}' in this instance`),
  );
  const outputs = node.call?.outputs;
  if (node.outputs) handBack(execution, node, token, childVariables);
  else
    execution.setVariables(
      token.scopeId,
      outputs ? mapVariables(childVariables, outputs) : childVariables,
    );
  finishWait(execution, node, token);
}

function mapVariables(from: Variables, mappings: { source: string; target: string }[]): Variables {
  const mapped: Variables = {};
  for (const { source, target } of mappings) if (source in from) mapped[target] = from[source];
  return mapped;
}
