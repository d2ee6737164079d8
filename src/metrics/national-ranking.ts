import type { AgencyEntity } from '../store/entities';
import { allAgencies } from '../store/officers';
import type { Store } from '../store/store';
import { rankByPoints, type RankedIndex } from './service-index-ranking';
import { unitIndexes, type ScoredUnit } from './service-index';
import { figuresOf, type DossierFigures } from './summary';

/** The kind of agency a province's is: ranked as a whole, with every agency under it. */
export const PROVINCE_KIND = 'province';

export interface NationalRank extends RankedIndex {
  /** The province it is in (its own code for a province); null: under no province. */
  provinceCode: string | null;
  /** Its dossiers' figures for the period, as a whole (a province's: of every agency under it). */
  figures: DossierFigures;
}

/**
 * Every agency of a kind in the database, ranked on the 766 index for a period — on a national
 * database, across every province it subscribes to. Provinces are scored as a whole, from the
 * dossiers of every agency under them (and their own); any other kind (communes) each on its
 * own, all ranked together. Ties as in a province's ranking (`rankByPoints`).
 */
export async function nationalRanking(
  store: Store,
  kind: string,
  period: { from: string; to: string },
  now: Date,
): Promise<NationalRank[]> {
  const agencies = await allAgencies(store);
  const tree = agencyTree(agencies);
  const ranked = agencies.filter((agency) => agency.kind === kind);
  const units: ScoredUnit[] = ranked.map((agency) => ({
    code: agency.code,
    members: kind === PROVINCE_KIND ? tree.withEverythingUnder(agency.code) : [agency.code],
  }));
  const scored = await unitIndexes(store, units, period, now);
  return rankByPoints(
    scored.map(({ index, whole }, i) => ({
      ...index,
      agencyName: ranked[i].name,
      agencyKind: ranked[i].kind,
      provinceCode: tree.provinceOf(ranked[i].code),
      figures: figuresOf(whole),
    })),
  );
}

/** The agencies by their parents: what is under an agency, and which province it is in. */
function agencyTree(agencies: AgencyEntity[]) {
  const byCode = new Map(agencies.map((agency) => [agency.code, agency]));
  const children = new Map<string, string[]>();
  for (const agency of agencies) {
    if (agency.parentCode === null) continue;
    children.set(agency.parentCode, [...(children.get(agency.parentCode) ?? []), agency.code]);
  }
  return {
    withEverythingUnder(code: string): string[] {
      const found = new Set([code]);
      for (const next of found) for (const child of children.get(next) ?? []) found.add(child);
      return [...found];
    },
    provinceOf(code: string): string | null {
      // Up the parents, each visited once should a parent ever point back down.
      const seen = new Set<string>();
      let at = byCode.get(code);
      while (at && !seen.has(at.code)) {
        if (at.kind === PROVINCE_KIND) return at.code;
        seen.add(at.code);
        at = at.parentCode === null ? undefined : byCode.get(at.parentCode);
      }
      return null;
    },
  };
}
