import { setTimeout as sleep } from 'node:timers/promises';
import { currentWalPosition, slotsConfirmed } from '../../src/store/national/slots';
import type { Store } from '../../src/store/store';
import type { TestApi } from './api';

/** Polls `done` until it holds; fails, saying what it waited for, after `seconds`. */
export async function until(what: string, done: () => Promise<boolean>, seconds = 120) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`waited ${seconds} s for ${what}`);
    await sleep(100);
  }
}

/**
 * Waits until the national database holds every commit a province has made so far: its slot
 * has confirmed the WAL up to where it ends now (the subscriber applies in commit order).
 * Returns how long that took, in milliseconds.
 */
export async function caughtUp(province: Store, name: string): Promise<number> {
  const started = Date.now();
  const written = await currentWalPosition(province);
  await until(`${name} to be caught up to ${written}`, () => slotsConfirmed(province, written));
  return Date.now() - started;
}

const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

/**
 * What the national level reads of a province, asked of a server (the province's own, or the
 * national one): its ranking, and its agencies' figures by procedure, p90 included.
 */
export async function provinceFigures(api: TestApi, province: string, agencyCodes: string[]) {
  return api.ok(
    `query ($province: String!, $codes: [String!]!, $from: LocalDate!, $to: LocalDate!) {
       serviceIndexRanking(from: $from, to: $to, provinceCode: $province) {
         rank agencyCode agencyName agencyKind points
         groups { id points indicators { id numerator denominator ratio points } } }
       dossierMetrics(filter: { from: $from, to: $to, agencyCodes: $codes },
                      groupBy: [AGENCY, PROCEDURE]) {
         agencyCode procedureKey received resolved resolvedEarly resolvedOnTime resolvedLate
         inProgress inProgressOverdue onTime onTimeRate digitized withFee cashless guidedAtDesk
         unsatisfied averageProcessingDays p90ProcessingDays } }`,
    { province, codes: agencyCodes, ...PERIOD },
  );
}

/** The national ranking of a kind of agency, as a server answers it. */
export async function nationalRanking(api: TestApi, kind: string) {
  return (
    await api.ok<{
      nationalRanking: {
        rank: number;
        agencyCode: string;
        provinceCode: string | null;
        points: number;
        groups: unknown[];
        figures: { received: number; onTimeRate: number | null; guidedAtDesk: number };
      }[];
    }>(
      `query ($kind: String!, $from: LocalDate!, $to: LocalDate!) {
         nationalRanking(from: $from, to: $to, kind: $kind) {
           rank agencyCode provinceCode points
           groups { id points indicators { id numerator denominator ratio points } }
           figures { received onTimeRate guidedAtDesk } } }`,
      { kind, ...PERIOD },
    )
  ).nationalRanking;
}
