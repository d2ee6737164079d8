import type { DataSource } from 'typeorm';
import { AppError } from '../errors';
import { AgencyEntity } from '../store/entities';
import type { RecordedIndicator } from './indicators';

/**
 * An administrator records an indicator the system cannot observe, for an agency and period:
 * numerator over denominator (e.g. 45 of 48 procedures published on time). Recording it again
 * replaces it.
 */
export async function recordIndicator(
  dataSource: DataSource,
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
  if (!(await dataSource.getRepository(AgencyEntity).existsBy({ code: input.agencyCode }))) {
    throw new AppError('NOT_FOUND', `Agency '${input.agencyCode}' was not found`, {
      field: 'agencyCode',
    });
  }
  await dataSource.query(
    `INSERT INTO service_index_input
       (agency_code, period_from, period_to, indicator, numerator, denominator, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (agency_code, period_from, period_to, indicator) DO UPDATE
       SET numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
           recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [
      input.agencyCode,
      input.from,
      input.to,
      input.indicator,
      input.numerator,
      input.denominator,
      input.by,
      input.now,
    ],
  );
}
