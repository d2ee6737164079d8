import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierMetrics1795995189748 implements MigrationInterface {
  name = 'DossierMetrics1795995189748';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier_rollup" ("grain" character varying(16) NOT NULL, "day" date NOT NULL, "agency_code" character varying(64) NOT NULL, "procedure_key" character varying(255) NOT NULL, "field" character varying(64) NOT NULL, "channel" character varying(16) NOT NULL, "officer" character varying(255) NOT NULL, "received" integer NOT NULL DEFAULT \'0\', "resolved" integer NOT NULL DEFAULT \'0\', "early" integer NOT NULL DEFAULT \'0\', "on_time" integer NOT NULL DEFAULT \'0\', "late" integer NOT NULL DEFAULT \'0\', "refused" integer NOT NULL DEFAULT \'0\', "withdrawn" integer NOT NULL DEFAULT \'0\', "stopped" integer NOT NULL DEFAULT \'0\', "online_full" integer NOT NULL DEFAULT \'0\', "online_partial" integer NOT NULL DEFAULT \'0\', "digitized" integer NOT NULL DEFAULT \'0\', "reused" integer NOT NULL DEFAULT \'0\', "with_fee" integer NOT NULL DEFAULT \'0\', "cashless" integer NOT NULL DEFAULT \'0\', "electronic_results" integer NOT NULL DEFAULT \'0\', "electronic_copies" integer NOT NULL DEFAULT \'0\', "joint" integer NOT NULL DEFAULT \'0\', "returned" integer NOT NULL DEFAULT \'0\', "with_electronic_copies" integer NOT NULL DEFAULT \'0\', "unsatisfied" integer NOT NULL DEFAULT \'0\', "processing_minutes" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_48b9e407c14f9fd3a3f596f9775" PRIMARY KEY ("grain", "day", "agency_code", "procedure_key", "field", "channel", "officer"))',
    );
    await queryRunner.query(
      'CREATE TABLE "service_index_input" ("agency_code" character varying(64) NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "indicator" character varying(64) NOT NULL, "numerator" integer NOT NULL, "denominator" integer NOT NULL, "recorded_by" character varying(255) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bf11ef3269fa25b77bb477fb897" PRIMARY KEY ("agency_code", "period_from", "period_to", "indicator"))',
    );
    await queryRunner.query('ALTER TABLE "dossier" ADD "procedure_key" character varying(255)');
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "field" character varying(64) NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query('ALTER TABLE "dossier" ADD "received_day" date');
    await queryRunner.query('ALTER TABLE "dossier" ADD "outcome" character varying(8)');
    await queryRunner.query('ALTER TABLE "dossier" ADD "processing_minutes" integer');
    await queryRunner.query('ALTER TABLE "dossier" ADD "result_number" character varying(255)');
    await queryRunner.query('ALTER TABLE "dossier" ADD "result_electronic" boolean');
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "electronic_copies" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "paid_cashless" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_open" ON "dossier"  ("agency_code", "received_day") WHERE finished_at IS NULL',
    );
    // Dossiers received before this migration: their procedure, and their day in Vietnam's time.
    // Their outcome is judged by the appointment alone and their processing time is unknown (0).
    await queryRunner.query(
      `UPDATE dossier d
          SET procedure_key = pd.key, field = COALESCE(pd.model->>'field', ''),
              received_day = (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
              outcome = CASE WHEN d.status_code IN (9, 10) THEN
                          CASE WHEN d.finished_at > i.due_at THEN 'LATE' ELSE 'ON_TIME' END END,
              processing_minutes = CASE WHEN d.status_code IN (9, 10) THEN 0 END
         FROM process_definition pd, process_instance i
        WHERE pd.id = d.definition_id AND i.id = d.instance_id`,
    );
    await queryRunner.query('ALTER TABLE "dossier" ALTER COLUMN "procedure_key" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "dossier" ALTER COLUMN "received_day" SET NOT NULL');
    for (const statement of ROLLUP_SQL) await queryRunner.query(statement);
    await queryRunner.query('SELECT dossier_rollup_apply(d, 1) FROM dossier d');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER dossier_rollup ON dossier');
    await queryRunner.query('DROP FUNCTION dossier_rollup_trigger()');
    await queryRunner.query('DROP FUNCTION dossier_rollup_apply(dossier, integer)');
    await queryRunner.query('DROP FUNCTION dossier_measures(dossier)');
    await queryRunner.query('DROP INDEX "public"."dossier_open"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "paid_cashless"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "electronic_copies"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "result_electronic"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "result_number"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "processing_minutes"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "outcome"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "received_day"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "field"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "procedure_key"');
    await queryRunner.query('DROP TABLE "service_index_input"');
    await queryRunner.query('DROP TABLE "dossier_rollup"');
  }
}

/** The measures, counted in `dossier_rollup` by a trigger (see DossierRollupEntity). */
const MEASURES = `received, resolved, early, on_time, late, refused, withdrawn, stopped, online_full,
  online_partial, digitized, reused, with_fee, cashless, electronic_results, electronic_copies, joint,
  processing_minutes, returned, with_electronic_copies, unsatisfied`;

const ROLLUP_SQL = [
  // What one dossier counts for: the one definition the trigger and raw queries share.
  `CREATE FUNCTION dossier_measures(d dossier) RETURNS TABLE (
     day date, agency_code varchar, procedure_key varchar, field varchar, channel varchar,
     officer varchar, received int, resolved int, early int, on_time int, late int, refused int,
     withdrawn int, stopped int, online_full int, online_partial int, digitized int, reused int,
     with_fee int, cashless int, electronic_results int, electronic_copies int, joint int,
     processing_minutes bigint, returned int, with_electronic_copies int, unsatisfied int)
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
   $$`,
  // Adds (sign 1) or takes away (sign -1) a dossier at each grain, in a fixed order of rows.
  `CREATE FUNCTION dossier_rollup_apply(d dossier, sign int) RETURNS void LANGUAGE sql AS $$
     INSERT INTO dossier_rollup AS r (grain, day, agency_code, procedure_key, field, channel,
                                      officer, ${MEASURES})
     SELECT g.grain, m.day, m.agency_code,
            CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END,
            CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END,
            ${MEASURES.split(',')
              .map((name) => `sign * m.${name.trim()}`)
              .join(', ')}
       FROM dossier_measures(d) m,
            (VALUES ('agency'), ('officer'), ('procedure')) AS g(grain)
     ON CONFLICT (grain, day, agency_code, procedure_key, field, channel, officer) DO UPDATE SET
       ${MEASURES.split(',')
         .map((name) => `${name.trim()} = r.${name.trim()} + EXCLUDED.${name.trim()}`)
         .join(', ')}
   $$`,
  `CREATE FUNCTION dossier_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND (SELECT m FROM dossier_measures(OLD) m)
                             IS NOT DISTINCT FROM (SELECT m FROM dossier_measures(NEW) m) THEN
       RETURN NULL;
     END IF;
     IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dossier_rollup_apply(OLD, -1); END IF;
     IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM dossier_rollup_apply(NEW, 1); END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER dossier_rollup AFTER INSERT OR UPDATE OR DELETE ON dossier
     FOR EACH ROW EXECUTE FUNCTION dossier_rollup_trigger()`,
];
