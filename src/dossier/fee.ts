import type { ProcessModel } from '../bpmn/model';
import { evaluateFeel } from '../engine/feel';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import type { SubmittedComponent } from '../store/entities';

/** The most a dossier's fees may come to, in đồng. */
export const MAX_FEE = 100_000_000;

/**
 * The fees due at reception, in đồng: the officer's assessment when they give one (exemptions,
 * fees a province sets), else the procedure's rule (`tthc:feeAmount`) over the application
 * form's data and the papers (`components`), else nothing. A rule that cannot be computed from
 * what was given is refused, naming what it needs.
 */
export function assessFee(
  model: ProcessModel,
  assessed: number | undefined,
  variables: Variables,
  components: SubmittedComponent[],
): number {
  if (assessed !== undefined) return assessed;
  if (!model.feeRule) return 0;
  const rule = `'${model.feeRule}'`;
  let value: unknown;
  try {
    const papers = components.map(({ name, kind, count }) => ({ name, kind, count }));
    value = evaluateFeel(model.feeRule, { ...variables, components: papers }, model.key);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(
      'EXPRESSION_FAILED',
      `The fee of '${model.key}' is ${rule}, which ${error.message.replace(/^.*failed: /, 'failed: ')}; give what it needs in variables, or the fee in feeAmount`,
      { field: 'variables', elementId: model.key, expression: model.feeRule },
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_FEE) {
    throw new AppError(
      'EXPRESSION_FAILED',
      `The fee of '${model.key}' is ${rule}, which gave ${JSON.stringify(value)}, not an amount from 0 to ${MAX_FEE} đồng`,
      { field: 'variables', elementId: model.key, expression: model.feeRule },
    );
  }
  return Math.round(value);
}
