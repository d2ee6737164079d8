import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossiers still in progress, counted in the rollup like every other measure:
 * `in_progress` (not finished) and `in_progress_untimed` (not finished, no appointment). Counted
 * live before, from the open dossiers themselves, which at a province's size are some two hundred
 * thousand on every dashboard's load.
 *
 * Whether an open dossier is overdue depends on now, so that stays live; two partial indexes find
 * the overdue ones alone (see OPEN_LATENESS_SQL): those marked late or timed out, and those whose
 * appointment passed with the clock running. They replace `dossier_open`, which only the live
 * count read.
 */
export class InProgressMeasures1796437000000 implements MigrationInterface {
  name = 'InProgressMeasures1796437000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const measure of ADDED) {
      await queryRunner.query(
        `ALTER TABLE "dossier_rollup" ADD "${measure}" integer NOT NULL DEFAULT '0'`,
      );
    }
    await queryRunner.query('DROP FUNCTION dossier_measures(dossier)');
    await queryRunner.query(measuresFunction(ADDED));
    await queryRunner.query(applyFunction([...MEASURES, ...ADDED]));
    // The open dossiers' rows are in the rollup already (they were received): only the new
    // measures are set.
    await queryRunner.query(
      `UPDATE dossier_rollup r
          SET in_progress = o.in_progress, in_progress_untimed = o.in_progress_untimed
         FROM (SELECT ${KEYS_OF_MEASURES}, sum(m.in_progress) AS in_progress,
                      sum(m.in_progress_untimed) AS in_progress_untimed
                 FROM dossier d, LATERAL dossier_measures(d) m, ${GRAINS_AND_SPANS}
                WHERE d.finished_at IS NULL
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) o
        WHERE (r.grain, r.span, r.day, r.agency_code, r.procedure_key, r.field, r.channel, r.officer)
            = (o.grain, o.span, o.day, o.agency_code, o.procedure_key, o.field, o.channel, o.officer)`,
    );
    await queryRunner.query('DROP INDEX "public"."dossier_open"');
    await queryRunner.query(
      `CREATE INDEX "dossier_open_flagged" ON "dossier" ("agency_code", "received_day")
         INCLUDE (procedure_key, field, channel, received_by)
         WHERE finished_at IS NULL AND appointment_at IS NOT NULL AND (late_marked OR overdue)`,
    );
    await queryRunner.query(
      `CREATE INDEX "dossier_open_passed" ON "dossier" ("appointment_at")
         INCLUDE (agency_code, received_day, procedure_key, field, channel, received_by)
         WHERE finished_at IS NULL AND NOT late_marked AND NOT overdue AND NOT clock_paused`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."dossier_open_passed"');
    await queryRunner.query('DROP INDEX "public"."dossier_open_flagged"');
    await queryRunner.query(
      `CREATE INDEX "dossier_open" ON "dossier" ("agency_code", "received_day")
         INCLUDE (procedure_key, field, channel, received_by, late_marked, overdue, clock_paused,
                  appointment_at)
         WHERE finished_at IS NULL`,
    );
    await queryRunner.query(applyFunction(MEASURES));
    await queryRunner.query('DROP FUNCTION dossier_measures(dossier)');
    await queryRunner.query(measuresFunction([]));
    for (const measure of ADDED) {
      await queryRunner.query(`ALTER TABLE "dossier_rollup" DROP COLUMN "${measure}"`);
    }
  }
}

/** The measures this migration adds, and what each counts. */
const ADDED_SQL: Record<string, string> = {
  in_progress: '(d.finished_at IS NULL)',
  in_progress_untimed: '(d.finished_at IS NULL AND d.appointment_at IS NULL)',
};
const ADDED = Object.keys(ADDED_SQL);

/** The measures before this migration, in the order of dossier_measures' columns. */
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
  'untimed',
  'returned_at_desk',
  'returned_by_post',
  'returned_at_home',
  'returned_online',
  'resolved_same_day',
  'home_round_trip',
];

/** A rollup row's keys from a dossier's measures `m`, at grain `g` and span `s`. */
const KEYS_OF_MEASURES = `g.grain, s.span,
            CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END AS day,
            m.agency_code,
            CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END AS procedure_key,
            CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END AS field,
            CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END AS channel,
            CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END AS officer`;
const GRAINS_AND_SPANS = `(VALUES ('agency'), ('officer'), ('procedure')) AS g(grain),
            (VALUES ('day'), ('month')) AS s(span)`;

/** What one dossier counts for: the one definition the trigger and raw queries share. */
function measuresFunction(added: string[]): string {
  return `CREATE FUNCTION dossier_measures(d dossier) RETURNS TABLE (
     day date, agency_code varchar, procedure_key varchar, field varchar, channel varchar,
     officer varchar, received int, resolved int, early int, on_time int, late int, refused int,
     withdrawn int, stopped int, online_full int, online_partial int, digitized int, reused int,
     with_fee int, cashless int, electronic_results int, electronic_copies int, joint int,
     processing_minutes bigint, returned int, with_electronic_copies int, unsatisfied int,
     untimed int, returned_at_desk int, returned_by_post int, returned_at_home int,
     returned_online int, resolved_same_day int, home_round_trip int
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
            (d.satisfied IS FALSE)::int,
            (d.outcome IS NOT DISTINCT FROM 'UNTIMED')::int,
            (d.return_method IS NOT DISTINCT FROM 'AT_DESK')::int,
            (d.return_method IS NOT DISTINCT FROM 'BY_POST')::int,
            (d.return_method IS NOT DISTINCT FROM 'AT_HOME')::int,
            (d.return_method IS NOT DISTINCT FROM 'ONLINE')::int,
            (d.outcome IS NOT NULL
             AND (d.finished_at AT TIME ZONE office_time_zone())::date = d.received_day)::int,
            (d.channel = 'AT_HOME' AND d.return_method IS NOT DISTINCT FROM 'AT_HOME')::int
            ${added.map((name) => `, ${ADDED_SQL[name]}::int`).join('')}
   $$`;
}

/** Adds (sign 1) or takes away (sign -1) a dossier at each grain, by day and by month. */
function applyFunction(measures: string[]): string {
  return `CREATE OR REPLACE FUNCTION dossier_rollup_apply(d dossier, sign int) RETURNS void LANGUAGE sql AS $$
     INSERT INTO dossier_rollup AS r (grain, span, day, agency_code, procedure_key, field,
                                      channel, officer, ${measures.join(', ')})
     SELECT ${KEYS_OF_MEASURES},
            ${measures.map((name) => `sign * m.${name}`).join(', ')}
       FROM dossier_measures(d) m, ${GRAINS_AND_SPANS}
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
