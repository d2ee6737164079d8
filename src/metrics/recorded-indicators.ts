import { AppError } from '../errors';
import { saveRecordedInput } from '../store/figures/service-index';
import { agencyByCode } from '../store/officers';
import type { Store } from '../store/store';
import type { RecordedIndicator } from './indicators';

/**
 * An administrator records an indicator the system cannot observe, for an agency and period:
 * numerator over denominator (e.g. 45 of 48 procedures published on time). Recording it again
 * replaces it.
 */
export async function recordIndicator(
  store: Store,
  input: {
    agencyCode: string;
    from: string;
    to: string;
    indicator: RecordedIndicator;
    numerator: number;
    denominator: number;
    by: string;
    now: Date;
  },
): Promise<void> {
  if (!(input.denominator > 0 && input.denominator <= 10_000_000)) {
    throw new AppError('BAD_USER_INPUT', 'The denominator must be from 1 to 10,000,000', {
      field: 'denominator',
    });
  }
  if (!(input.numerator >= 0 && input.numerator <= input.denominator)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The numerator must be from 0 to the denominator (${input.denominator})`,
      { field: 'numerator' },
    );
  }
  if (!(await agencyByCode(store, input.agencyCode))) {
    throw new AppError('NOT_FOUND', `Agency '${input.agencyCode}' was not found`, {
      field: 'agencyCode',
    });
  }
  await saveRecordedInput(store, input);
}
