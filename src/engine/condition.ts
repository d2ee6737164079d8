import { evaluate } from 'feelin';
import { AppError } from '../errors';
import type { SequenceFlow } from '../bpmn/model';
import type { Variables } from './types';

/**
 * Evaluates a sequence flow's FEEL condition against the instance variables. A condition that
 * reads a variable, entry or function that is not there, or that gives anything but true or
 * false (null included), fails the step with CONDITION_FAILED naming the element and the flow:
 * guessing would send the dossier down the wrong branch.
 */
export function conditionHolds(
  flow: SequenceFlow,
  elementId: string,
  variables: Variables,
): boolean {
  if (flow.condition === undefined) return true;
  const { value, warnings } = evaluate(flow.condition, variables);
  const [warning] = warnings;
  if (warning) {
    throw new AppError(
      'CONDITION_FAILED',
      `The condition '${flow.condition}' on flow '${flow.id}' of '${elementId}' failed: ${warning.message}`,
      { elementId, flowId: flow.id },
    );
  }
  if (value !== true && value !== false) {
    throw new AppError(
      'CONDITION_FAILED',
      `The condition '${flow.condition}' on flow '${flow.id}' of '${elementId}' gave ${JSON.stringify(value)}, not true or false`,
      { elementId, flowId: flow.id },
    );
  }
  return value === true;
}
