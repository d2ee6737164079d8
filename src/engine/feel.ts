import { evaluate } from 'feelin';
import { AppError } from '../errors';
import type { Variables } from './types';

/**
 * Evaluates a FEEL expression and refuses to guess: a variable, entry or function that is not
 * there fails with EXPRESSION_FAILED naming the element and the expression.
 */
export function evaluateFeel(expression: string, variables: Variables, elementId: string): unknown {
  const { value, warnings } = evaluate(expression, variables);
  const [warning] = warnings;
  if (warning) {
    throw new AppError(
      'EXPRESSION_FAILED',
      `The expression '${expression}' of '${elementId}' failed: ${warning.message}`,
      { elementId, expression },
    );
  }
  return value;
}
