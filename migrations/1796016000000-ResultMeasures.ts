import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a dossier counts for, once its result is judged at the one-stop desk:
 * - `untimed`: resolved dossiers of a procedure with no statutory time, counted apart and never
 *   as on time (those already judged without an appointment are re-judged UNTIMED; the rollup
 *   trigger moves their counts);
 * - how the result went back (`dossier.return_method`): at the desk, by post, at home, online;
 * - `resolved_same_day` ("4 tại chỗ": resolved the day it was received, in the office's time)
 *   and `home_round_trip` ("3 tại nhà": received at home and returned at home).
 */
export class ResultMeasures1796016000000 implements MigrationInterface {
  name = 'ResultMeasures1796016000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "dossier" ADD "return_method" character varying(8)');
    for (const measure of ADDED) {
      await queryRunner.query(
        `ALTER TABLE "dossier_rollup" ADD "${measure}" integer NOT NULL DEFAULT '0'`,
      );
    }
    await queryRunner.query('DROP FUNCTION dossier_measures(dossier)');
    await queryRunner.query(measuresFunction(ADDED));
    await queryRunner.query(applyFunction([...MEASURES, ...ADDED]));
    await queryRunner.query(
      `UPDATE dossier SET outcome = 'UNTIMED' WHERE outcome IS NOT NULL AND appointment_at IS NULL`,
    );
    // Dossiers returned before: the desk is where results went back.
    await queryRunner.query(
      `UPDATE dossier SET return_method = 'AT_DESK' WHERE returned_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE dossier SET outcome = 'ON_TIME' WHERE outcome = 'UNTIMED'`);
    await queryRunner.query(applyFunction(MEASURES));
    await queryRunner.query('DROP FUNCTION dossier_measures(dossier)');
    await queryRunner.query(measuresFunction([]));
    for (const measure of ADDED) {
      await queryRunner.query(`ALTER TABLE "dossier_rollup" DROP COLUMN "${measure}"`);
    }
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "return_method"');
  }
}

/** The measures this migration adds, and what each counts. */
const ADDED_SQL: Record<string, string> = {
  untimed: `(d.outcome IS NOT DISTINCT FROM 'UNTIMED')`,
  returned_at_desk: `(d.return_method IS NOT DISTINCT FROM 'AT_DESK')`,
  returned_by_post: `(d.return_method IS NOT DISTINCT FROM 'BY_POST')`,
  returned_at_home: `(d.return_method IS NOT DISTINCT FROM 'AT_HOME')`,
  returned_online: `(d.return_method IS NOT DISTINCT FROM 'ONLINE')`,
  resolved_same_day: `(d.outcome IS NOT NULL
     AND (d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = d.received_day)`,
  home_round_trip: `(d.channel = 'AT_HOME' AND d.return_method IS NOT DISTINCT FROM 'AT_HOME')`,
};
const ADDED = Object.keys(ADDED_SQL);

const MEASURES = [
  'received',
  'resolved',
  'early',
  'on_time',
  'late',
  'refused',
  'withdrawn',
  'stopped',
  'online_full',
  'online_partial',
  'digitized',
  'reused',
  'with_fee',
  'cashless',
  'electronic_results',
  'electronic_copies',
  'joint',
  'processing_minutes',
  'returned',
  'with_electronic_copies',
  'unsatisfied',
];

/** What one dossier counts for: the one definition the trigger and raw queries share. */
function measuresFunction(added: string[]): string {
  return `CREATE FUNCTION dossier_measures(d dossier) RETURNS TABLE (
     day date, agency_code varchar, procedure_key varchar, field varchar, channel varchar,
     officer varchar, received int, resolved int, early int, on_time int, late int, refused int,
     withdrawn int, stopped int, online_full int, online_partial int, digitized int, reused int,
     with_fee int, cashless int, electronic_results int, electronic_copies int, joint int,
     processing_minutes bigint, returned int, with_electronic_copies int, unsatisfied int
     ${added.map((name) => `, ${name} int`).join('')})
   LANGUAGE sql IMMUTABLE AS $$
     SELECT d.received_day, d.agency_code, d.procedure_key, d.field, d.channel, d.received_by,
            1,
            (d.outcome IS NOT NULL)::int,
            (d.outcome IS NOT DISTINCT FROM 'EARLY')::int,
            (d.outcome IS NOT DISTINCT FROM 'ON_TIME')::int,
            (d.outcome IS NOT DISTINCT FROM 'LATE')::int,
            (d.status_code = 3)::int,
            (d.status_code = 7)::int,
            (d.status_code = 8)::int,
            (d.channel = 'ONLINE_FULL')::int,
            (d.channel = 'ONLINE_PARTIAL')::int,
            (jsonb_array_length(d.components) > 0 AND NOT jsonb_path_exists(
               d.components, '$[*] ? (@.digitized != true)'))::int,
            jsonb_path_exists(d.components, '$[*].reusedFrom')::int,
            (d.fee_amount > 0)::int,
            (d.fee_amount > 0 AND d.paid_cashless)::int,
            COALESCE(d.result_electronic, false)::int,
            d.electronic_copies,
            (d.field = 'joint')::int,
            COALESCE(d.processing_minutes, 0)::bigint,
            (d.status_code = 10)::int,
            (d.electronic_copies > 0)::int,
            (d.satisfied IS FALSE)::int
            ${added.map((name) => `, ${ADDED_SQL[name]}::int`).join('')}
   $$`;
}

/** Adds (sign 1) or takes away (sign -1) a dossier at each grain, by day and by month. */
function applyFunction(measures: string[]): string {
  return `CREATE OR REPLACE FUNCTION dossier_rollup_apply(d dossier, sign int) RETURNS void LANGUAGE sql AS $$
     INSERT INTO dossier_rollup AS r (grain, span, day, agency_code, procedure_key, field,
                                      channel, officer, ${measures.join(', ')})
     SELECT g.grain, s.span,
            CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END,
            m.agency_code,
            CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END,
            CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END,
            ${measures.map((name) => `sign * m.${name}`).join(', ')}
       FROM dossier_measures(d) m,
            (VALUES ('agency'), ('officer'), ('procedure')) AS g(grain),
            (VALUES ('day'), ('month')) AS s(span)
     ON CONFLICT (grain, span, day, agency_code, procedure_key, field, channel, officer) DO UPDATE SET
       ${measures.map((name) => `${name} = r.${name} + EXCLUDED.${name}`).join(', ')};
     INSERT INTO dossier_duration_rollup AS r (span, day, agency_code, bucket, resolved)
     SELECT s.span, CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END,
            m.agency_code, duration_bucket(m.processing_minutes), sign
       FROM dossier_measures(d) m, (VALUES ('day'), ('month')) AS s(span)
      WHERE m.resolved = 1
     ON CONFLICT (span, day, agency_code, bucket) DO UPDATE SET resolved = r.resolved + EXCLUDED.resolved
   $$`;
}
