import { agencyTree } from '../store/figures/service-index';
import type { Store } from '../store/store';
import { notFound } from '../errors';
import { serviceIndexes, type ServiceIndex } from './service-index';

/** An agency under another (a province, a district), as the ranking names it. */
export interface AgencyBelow {
  code: string;
  name: string;
  kind: string;
}

export interface RankedIndex extends ServiceIndex {
  /** 1 for the highest; equal points share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  agencyName: string;
  agencyKind: string;
}

/**
 * The agencies under an agency (a province: its departments, districts and communes), at any
 * depth, by `parentCode`, in code order; NOT_FOUND for an unknown agency.
 */
export async function agenciesUnder(
  store: Store,
  code: string,
  field = 'provinceCode',
): Promise<AgencyBelow[]> {
  const rows = await agencyTree(store, code);
  if (rows.length === 0) throw notFound('Agency', code, { field });
  return rows.filter((row) => row.depth > 0).map(({ code, name, kind }) => ({ code, name, kind }));
}

/** Points equal to the millionth tie: the same figures summed in another order still tie. */
const tieKey = (points: number) => Math.round(points * 1e6);

/**
 * The 766 index of each of the agencies for a period, ranked (see `rankByPoints`). Every agency
 * is scored in one pass over the rollup (`serviceIndexes`).
 */
export async function rankServiceIndexes(
  store: Store,
  agencies: AgencyBelow[],
  period: { from: string; to: string },
  now: Date,
): Promise<RankedIndex[]> {
  const indexes = await serviceIndexes(
    store,
    agencies.map((agency) => agency.code),
    period,
    now,
  );
  return rankByPoints(
    indexes.map((index, i) => ({
      ...index,
      agencyName: agencies[i].name,
      agencyKind: agencies[i].kind,
    })),
  );
}

/**
 * Scores ranked by points, highest first; equal points share a rank (the next skips, 1, 2, 2,
 * 4) and are listed by agency code.
 */
export function rankByPoints<T extends { points: number; agencyCode: string }>(
  scores: T[],
): (T & { rank: number })[] {
  const scored = [...scores].sort(
    (a, b) =>
      tieKey(b.points) - tieKey(a.points) ||
      (a.agencyCode < b.agencyCode ? -1 : a.agencyCode > b.agencyCode ? 1 : 0),
  );
  let rank = 0;
  return scored.map((score, i) => {
    if (i === 0 || tieKey(score.points) !== tieKey(scored[i - 1].points)) rank = i + 1;
    return { ...score, rank };
  });
}
