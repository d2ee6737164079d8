import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results the leader signs digitally at a `tthc:signature` step: the signed PDF of each, and a
 * mark on the dossier (`result_signed`). A returned dossier whose result was signed counts as an
 * electronic result in the 766 index (`electronic_results`), as one the officer marked electronic
 * at the desk does, once however it is marked. No dossier was signed before: the rollup holds.
 */
export class SignedResults1796442000000 implements MigrationInterface {
  name = 'SignedResults1796442000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "signed_result" ("id" uuid NOT NULL, "dossier_code" character varying(64) NOT NULL, "task_id" uuid NOT NULL, "signed_by" character varying(255) NOT NULL, "signer_name" character varying(255) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "pdf" bytea NOT NULL, CONSTRAINT "PK_772fadfafb3d604b3dea19333fc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "signed_result_task" ON "signed_result" ("task_id")',
    );
    await queryRunner.query(
      'CREATE INDEX "signed_result_dossier" ON "signed_result" ("dossier_code", "signed_at")',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "result_signed" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(measuresFunction(SIGNED_COUNTS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The dossiers that count otherwise after: taken out of the rollup as counted now, put back
    // as counted then.
    const changing = `SELECT dossier_rollup_apply(d, $1) FROM dossier d
       WHERE d.result_signed AND d.status_code = 10 AND NOT COALESCE(d.result_electronic, false)`;
    await queryRunner.query(changing, [-1]);
    await queryRunner.query(measuresFunction(MARKED_ONLY));
    await queryRunner.query(changing, [1]);
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "result_signed"');
    await queryRunner.query('DROP INDEX "public"."signed_result_dossier"');
    await queryRunner.query('DROP INDEX "public"."signed_result_task"');
    await queryRunner.query('DROP TABLE "signed_result"');
  }
}

/** `electronic_results` before: marked electronic when returned. */
const MARKED_ONLY = 'COALESCE(d.result_electronic, false)::int';
/** And now: or signed digitally, and returned (status 10) like every result counted. */
const SIGNED_COUNTS = `(COALESCE(d.result_electronic, false)
             OR (d.result_signed AND d.status_code = 10))::int`;

/** What one dossier counts for (as SynchronizedMeasure left it), with `electronic_results`. */
function measuresFunction(electronicResults: string): string {
  return `CREATE OR REPLACE FUNCTION dossier_measures(d dossier) RETURNS TABLE (
     day date, agency_code varchar, procedure_key varchar, field varchar, channel varchar,
     officer varchar, received int, resolved int, early int, on_time int, late int, refused int,
     withdrawn int, stopped int, online_full int, online_partial int, digitized int, reused int,
     with_fee int, cashless int, electronic_results int, electronic_copies int, joint int,
     processing_minutes bigint, returned int, with_electronic_copies int, unsatisfied int,
     untimed int, returned_at_desk int, returned_by_post int, returned_at_home int,
     returned_online int, resolved_same_day int, home_round_trip int, in_progress int,
     in_progress_untimed int, synchronized int)
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
            ${electronicResults},
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
            (d.channel = 'AT_HOME' AND d.return_method IS NOT DISTINCT FROM 'AT_HOME')::int,
            (d.finished_at IS NULL)::int,
            (d.finished_at IS NULL AND d.appointment_at IS NULL)::int,
            d.portal_synced::int
   $$`;
}
