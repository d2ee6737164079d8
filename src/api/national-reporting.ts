import { NATIONAL_OPERATIONS } from '../auth/policy';
import { AppError } from '../errors';

/**
 * On a national reporting server (NATIONAL_REPORTING), before anything else: refuses every
 * operation but sign-in and the figures (NATIONAL_OPERATIONS), and figures by officer, whose
 * rows stay in their province (see the NationalPublication migration).
 */
export function refuseOffNational(operation: string, args: Record<string, unknown>): void {
  if (!NATIONAL_OPERATIONS.includes(operation)) {
    throw new AppError(
      'NATIONAL_REPORTING_ONLY',
      `This is a national reporting server, which answers the figures only: '${operation}' runs on a province's server`,
      { field: operation },
    );
  }
  if (operation !== 'dossierMetrics') return;
  const groupBy = (args.groupBy ?? []) as string[];
  const filter = args.filter as { officer?: string | null } | null | undefined;
  if (groupBy.includes('OFFICER') || (filter?.officer ?? null) !== null) {
    throw new AppError(
      'NATIONAL_REPORTING_ONLY',
      "Officers' figures stay in their province: ask the province's server",
      { field: groupBy.includes('OFFICER') ? 'groupBy' : 'filter.officer' },
    );
  }
}
