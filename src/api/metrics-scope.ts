import { holds } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';

/**
 * Whose figures an officer may read: their own agency's; administrators any or all (undefined:
 * every agency). The GraphQL queries and the downloads ask the same.
 */
export function metricsAgencies(
  me: Principal,
  wanted: string[] | undefined,
  field: string,
): string[] | undefined {
  const admin = holds(me, 'admin');
  if (wanted && !admin && wanted.some((code) => code !== me.agency.code)) {
    throw new AppError('FORBIDDEN', `Only administrators see other agencies' figures`, { field });
  }
  return wanted ?? (admin ? undefined : [me.agency.code]);
}

/** The one agency a report is about: mine unless an administrator names another. */
export function metricsAgency(me: Principal, wanted: string | undefined, field: string): string {
  return metricsAgencies(me, wanted === undefined ? [me.agency.code] : [wanted], field)![0];
}

/**
 * Who may read a province's ranking (the index of every agency under it): administrators any
 * province's; a leader only a ranking their own agency is in (their province's, their
 * district's) or heads (the agencies under theirs). `below` is every agency under `province`.
 */
export function checkRankingScope(
  me: Principal,
  province: string,
  below: readonly { code: string }[],
  field: string,
): void {
  if (holds(me, 'admin')) return;
  const mine = me.agency.code;
  if (mine === province || below.some((agency) => agency.code === mine)) return;
  throw new AppError('FORBIDDEN', `Only administrators see the ranking of another province`, {
    field,
  });
}

/** A period of local dates, first and last day inclusive. */
export function checkPeriod(from: string, to: string, field = 'to'): void {
  if (to < from) {
    throw new AppError('BAD_USER_INPUT', 'The period ends before it begins', { field });
  }
}
