import { In } from 'typeorm';
import { ServiceIndexInputEntity } from '../entities';
import { preparedQuery } from '../prepared';
import type { Store } from '../store';

type Period = { from: string; to: string };

/**
 * The feedback on the agencies' dossiers that came in the period and is due by now, by agency:
 * answered by its due time, or not. Feedback still within its 15 working days and unanswered is
 * not counted.
 */
export async function feedbackOf(
  store: Store,
  agencyCodes: string[],
  period: Period,
  now: Date,
): Promise<Map<string, { due: number; onTime: number }>> {
  const rows = await preparedQuery<{ agency_code: string; due: number; on_time: number }>(
    store.manager,
    `SELECT d.agency_code,
            count(*) FILTER (WHERE f.answered_at IS NOT NULL OR f.due_at < $4)::int AS due,
            count(*) FILTER (WHERE f.answered_at <= f.due_at)::int AS on_time
       FROM dossier_feedback f JOIN dossier d ON d.code = f.dossier_code
      WHERE d.agency_code = ANY($1::varchar[])
        AND (f.submitted_at AT TIME ZONE office_time_zone())::date BETWEEN $2::date AND $3::date
      GROUP BY d.agency_code`,
    [agencyCodes, period.from, period.to, now],
  );
  return new Map(rows.map((row) => [row.agency_code, { due: row.due, onTime: row.on_time }]));
}

/**
 * Dossiers received in the period that drew feedback or a "not satisfied" rating, by agency:
 * found from the feedback and the rated dossiers (a few), not by reading every dossier.
 */
export async function complainedOf(
  store: Store,
  agencyCodes: string[],
  period: Period,
): Promise<Map<string, number>> {
  const ofThePeriod = `d.agency_code = ANY($1::varchar[]) AND d.received_day BETWEEN $2::date AND $3::date`;
  const rows = await preparedQuery<{ agency_code: string; n: number }>(
    store.manager,
    `SELECT agency_code, count(*)::int AS n
       FROM (SELECT d.agency_code, d.code FROM dossier d
              WHERE d.satisfied IS FALSE AND ${ofThePeriod}
             UNION
             SELECT d.agency_code, d.code FROM dossier_feedback f JOIN dossier d ON d.code = f.dossier_code
              WHERE ${ofThePeriod}) complained
      GROUP BY agency_code`,
    [agencyCodes, period.from, period.to],
  );
  return new Map(rows.map((row) => [row.agency_code, row.n]));
}

/** What administrators recorded for the indicators the dossiers cannot show, for the period. */
export function recordedInputs(
  store: Store,
  agencyCodes: string[],
  period: Period,
): Promise<ServiceIndexInputEntity[]> {
  return store.manager.getRepository(ServiceIndexInputEntity).findBy({
    agencyCode: In(agencyCodes),
    periodFrom: period.from,
    periodTo: period.to,
  });
}

/** An indicator an administrator recorded for an agency and period; recording it again replaces it. */
export async function saveRecordedInput(
  store: Store,
  input: {
    agencyCode: string;
    from: string;
    to: string;
    indicator: string;
    numerator: number;
    denominator: number;
    by: string;
    now: Date;
  },
): Promise<void> {
  await preparedQuery(
    store.manager,
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

/** An agency and the agencies under it at any depth (by parent code), with their depth. */
export function agencyTree(store: Store, code: string) {
  return preparedQuery<{ code: string; name: string; kind: string; depth: number }>(
    store.manager,
    `WITH RECURSIVE below AS (
       SELECT a.code, a.name, a.kind, 0 AS depth FROM agency a WHERE a.code = $1
       UNION
       SELECT a.code, a.name, a.kind, b.depth + 1 FROM agency a JOIN below b ON a.parent_code = b.code)
     SELECT code, name, kind, depth FROM below ORDER BY code`,
    [code],
  );
}
