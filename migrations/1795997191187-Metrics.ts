import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Metrics1795997191187 implements MigrationInterface {
  name = 'Metrics1795997191187';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier_duration_rollup" ("span" character varying(8) NOT NULL, "day" date NOT NULL, "agency_code" character varying(64) NOT NULL, "bucket" smallint NOT NULL, "resolved" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_cd2c3405bd7952cb8f72720d7bf" PRIMARY KEY ("span", "day", "agency_code", "bucket"))',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_rollup" ("grain" character varying(16) NOT NULL, "span" character varying(8) NOT NULL, "day" date NOT NULL, "agency_code" character varying(64) NOT NULL, "procedure_key" character varying(255) NOT NULL, "field" character varying(64) NOT NULL, "channel" character varying(16) NOT NULL, "officer" character varying(255) NOT NULL, "received" integer NOT NULL DEFAULT \'0\', "resolved" integer NOT NULL DEFAULT \'0\', "early" integer NOT NULL DEFAULT \'0\', "on_time" integer NOT NULL DEFAULT \'0\', "late" integer NOT NULL DEFAULT \'0\', "refused" integer NOT NULL DEFAULT \'0\', "withdrawn" integer NOT NULL DEFAULT \'0\', "stopped" integer NOT NULL DEFAULT \'0\', "online_full" integer NOT NULL DEFAULT \'0\', "online_partial" integer NOT NULL DEFAULT \'0\', "digitized" integer NOT NULL DEFAULT \'0\', "reused" integer NOT NULL DEFAULT \'0\', "with_fee" integer NOT NULL DEFAULT \'0\', "cashless" integer NOT NULL DEFAULT \'0\', "electronic_results" integer NOT NULL DEFAULT \'0\', "electronic_copies" integer NOT NULL DEFAULT \'0\', "joint" integer NOT NULL DEFAULT \'0\', "returned" integer NOT NULL DEFAULT \'0\', "with_electronic_copies" integer NOT NULL DEFAULT \'0\', "unsatisfied" integer NOT NULL DEFAULT \'0\', "processing_minutes" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_6e9f6c731f53304403cc1346ada" PRIMARY KEY ("grain", "span", "day", "agency_code", "procedure_key", "field", "channel", "officer"))',
    );
    await queryRunner.query(
      'CREATE TABLE "step_rollup" ("definition_id" uuid NOT NULL, "element_id" character varying(255) NOT NULL, "day" date NOT NULL, "bucket" smallint NOT NULL, "completed" integer NOT NULL DEFAULT \'0\', "overdue" integer NOT NULL DEFAULT \'0\', "working_minutes" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_64678db79609a5e0d4bcaf3686b" PRIMARY KEY ("definition_id", "element_id", "day", "bucket"))',
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
    await queryRunner.query('ALTER TABLE "dossier" ADD "appointment_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "clock_paused" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "dossier" ADD "overdue" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "late_marked" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "dossier" ADD "processing_minutes" integer');
    await queryRunner.query('ALTER TABLE "dossier" ADD "result_number" character varying(255)');
    await queryRunner.query('ALTER TABLE "dossier" ADD "result_electronic" boolean');
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "electronic_copies" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "paid_cashless" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE "task" ADD "working_minutes" integer');
    await queryRunner.query(
      `CREATE INDEX "dossier_open" ON "dossier" ("agency_code", "received_day")
         INCLUDE (procedure_key, field, channel, received_by, late_marked, overdue, clock_paused,
                  appointment_at)
         WHERE finished_at IS NULL`,
    );
    // Dossiers received before this migration: their procedure, and their day in Vietnam's time.
    // Their outcome is judged by the appointment alone and their processing time is unknown (0).
    await queryRunner.query(
      `UPDATE dossier d
          SET late_marked = (SELECT count(*) FILTER (WHERE f.number = '02') > 1
                                    OR bool_or(f.number = '04') IS TRUE
                               FROM dossier_form f WHERE f.dossier_code = d.code)`,
    );
    await queryRunner.query(
      `UPDATE dossier d
          SET procedure_key = pd.key, field = COALESCE(pd.model->>'field', ''),
              received_day = (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
              outcome = CASE WHEN d.status_code IN (9, 10) THEN
                          CASE WHEN d.late_marked OR d.finished_at > i.due_at THEN 'LATE'
                               ELSE 'ON_TIME' END END,
              processing_minutes = CASE WHEN d.status_code IN (9, 10) THEN 0 END,
              appointment_at = i.due_at, clock_paused = i.clock_paused_at IS NOT NULL,
              overdue = i.overdue
         FROM process_definition pd, process_instance i
        WHERE pd.id = d.definition_id AND i.id = d.instance_id`,
    );
    await queryRunner.query('ALTER TABLE "dossier" ALTER COLUMN "procedure_key" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "dossier" ALTER COLUMN "received_day" SET NOT NULL');
    for (const statement of ROLLUP_SQL) await queryRunner.query(statement);
    await queryRunner.query('SELECT dossier_rollup_apply(d, 1) FROM dossier d');
    // Steps completed before: their working time is unknown (0).
    await queryRunner.query(
      `INSERT INTO step_rollup (definition_id, element_id, day, bucket, completed, overdue, working_minutes)
       SELECT i.definition_id, t.element_id, (t.ended_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
              duration_bucket(0), count(*), count(*) FILTER (WHERE t.ended_at > t.due_at), 0
         FROM task t JOIN process_instance i ON i.id = t.instance_id
        WHERE t.state = 'COMPLETED'
        GROUP BY 1, 2, 3`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER step_rollup ON task');
    await queryRunner.query('DROP FUNCTION step_rollup_trigger()');
    await queryRunner.query('DROP TRIGGER dossier_rollup ON dossier');
    await queryRunner.query('DROP FUNCTION dossier_rollup_trigger()');
    await queryRunner.query('DROP FUNCTION dossier_rollup_apply(dossier, integer)');
    await queryRunner.query('DROP FUNCTION dossier_measures(dossier)');
    await queryRunner.query('DROP FUNCTION duration_bucket_upper(integer)');
    await queryRunner.query('DROP FUNCTION duration_bucket(bigint)');
    await queryRunner.query('DROP INDEX "public"."dossier_open"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "working_minutes"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "paid_cashless"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "electronic_copies"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "result_electronic"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "result_number"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "processing_minutes"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "late_marked"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "overdue"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "clock_paused"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "appointment_at"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "outcome"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "received_day"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "field"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "procedure_key"');
    await queryRunner.query('DROP TABLE "service_index_input"');
    await queryRunner.query('DROP TABLE "step_rollup"');
    await queryRunner.query('DROP TABLE "dossier_rollup"');
    await queryRunner.query('DROP TABLE "dossier_duration_rollup"');
  }
}

/** The measures, counted in `dossier_rollup` by a trigger (see DossierRollupEntity). */
const MEASURES = `received, resolved, early, on_time, late, refused, withdrawn, stopped, online_full,
  online_partial, digitized, reused, with_fee, cashless, electronic_results, electronic_copies, joint,
  processing_minutes, returned, with_electronic_copies, unsatisfied`;

/**
 * Working-time buckets for the p90 of processing and step times, by their upper bound in working
 * hours: hourly in the first day, half-days to 10 days, days to 30, 5 days to 90, then beyond.
 */
const BUCKET_HOURS = [
  ...Array.from({ length: 8 }, (_, i) => i + 1),
  ...Array.from({ length: 18 }, (_, i) => 12 + 4 * i),
  ...Array.from({ length: 20 }, (_, i) => 88 + 8 * i),
  ...Array.from({ length: 11 }, (_, i) => 280 + 40 * i),
];

const ROLLUP_SQL = [
  `CREATE FUNCTION duration_bucket(minutes bigint) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
     SELECT COALESCE(
       (SELECT min(i) FROM unnest(ARRAY[${BUCKET_HOURS.join(', ')}]) WITH ORDINALITY AS u(h, i)
         WHERE minutes <= h * 60),
       ${BUCKET_HOURS.length + 1})::smallint
   $$`,
  // A bucket's upper bound in working minutes; the last one (beyond) answers its lower bound.
  `CREATE FUNCTION duration_bucket_upper(bucket integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
     SELECT (ARRAY[${BUCKET_HOURS.join(', ')}, ${BUCKET_HOURS[BUCKET_HOURS.length - 1]}])[bucket] * 60
   $$`,
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
  // Adds (sign 1) or takes away (sign -1) a dossier at each grain, by day and by month, in a
  // fixed order of rows.
  `CREATE FUNCTION dossier_rollup_apply(d dossier, sign int) RETURNS void LANGUAGE sql AS $$
     INSERT INTO dossier_rollup AS r (grain, span, day, agency_code, procedure_key, field,
                                      channel, officer, ${MEASURES})
     SELECT g.grain, s.span,
            CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END,
            m.agency_code,
            CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END,
            CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END,
            ${MEASURES.split(',')
              .map((name) => `sign * m.${name.trim()}`)
              .join(', ')}
       FROM dossier_measures(d) m,
            (VALUES ('agency'), ('officer'), ('procedure')) AS g(grain),
            (VALUES ('day'), ('month')) AS s(span)
     ON CONFLICT (grain, span, day, agency_code, procedure_key, field, channel, officer) DO UPDATE SET
       ${MEASURES.split(',')
         .map((name) => `${name.trim()} = r.${name.trim()} + EXCLUDED.${name.trim()}`)
         .join(', ')};
     INSERT INTO dossier_duration_rollup AS r (span, day, agency_code, bucket, resolved)
     SELECT s.span, CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END,
            m.agency_code, duration_bucket(m.processing_minutes), sign
       FROM dossier_measures(d) m, (VALUES ('day'), ('month')) AS s(span)
      WHERE m.resolved = 1
     ON CONFLICT (span, day, agency_code, bucket) DO UPDATE SET resolved = r.resolved + EXCLUDED.resolved
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
  // A step counts once, when it completes, under its process version and local day.
  `CREATE FUNCTION step_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO step_rollup AS r (definition_id, element_id, day, bucket, completed, overdue,
                                   working_minutes)
     SELECT i.definition_id, NEW.element_id, (NEW.ended_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
            duration_bucket(COALESCE(NEW.working_minutes, 0)), 1,
            (NEW.due_at IS NOT NULL AND NEW.ended_at > NEW.due_at)::int,
            COALESCE(NEW.working_minutes, 0)
       FROM process_instance i WHERE i.id = NEW.instance_id
     ON CONFLICT (definition_id, element_id, day, bucket) DO UPDATE
       SET completed = r.completed + 1, overdue = r.overdue + EXCLUDED.overdue,
           working_minutes = r.working_minutes + EXCLUDED.working_minutes;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER step_rollup AFTER UPDATE OF state ON task FOR EACH ROW
     WHEN (NEW.state = 'COMPLETED' AND OLD.state IS DISTINCT FROM 'COMPLETED')
     EXECUTE FUNCTION step_rollup_trigger()`,
];
