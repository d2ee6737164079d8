import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of what leaves the office: the citizen's notifications and the portal's status
 * pushes (`dispatch`), written by a trigger on the dossier in the transaction of each change,
 * sent after the commit. Also: the channel the citizen chose at reception (`notify_by`), whether
 * the portal acknowledged the dossier's latest status (`portal_synced`), and the templates an
 * administrator edits.
 *
 * The trigger writes the portal's rows only for connections with `tthc.portal_sync = on`, which
 * a server sets when it has a portal to push to: a province without one keeps no queue.
 */
export class Dispatch1796440000000 implements MigrationInterface {
  name = 'Dispatch1796440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "dossier" ADD "notify_by" character varying(8),
                             ADD "portal_synced" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE TABLE "dispatch" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "seq" bigint GENERATED ALWAYS AS IDENTITY,
         "topic" character varying(8) NOT NULL,
         "event" character varying(16) NOT NULL,
         "dossier_code" character varying(64) NOT NULL,
         "received_day" date NOT NULL,
         "instance_id" uuid NOT NULL,
         "status_code" smallint NOT NULL,
         "appointment_at" timestamp with time zone,
         "finished_at" timestamp with time zone,
         "returned_at" timestamp with time zone,
         "created_at" timestamp with time zone NOT NULL DEFAULT now(),
         "due_at" timestamp with time zone,
         "attempts" integer NOT NULL DEFAULT 0,
         "locked_by" character varying(255),
         "locked_until" timestamp with time zone,
         "outcome" character varying(8),
         "sent_at" timestamp with time zone,
         "channel" character varying(8),
         "provider_id" character varying(255),
         "last_error" text,
         CONSTRAINT "PK_dispatch" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "dispatch_pending" ON "dispatch" ("topic", "seq") WHERE outcome IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "dispatch_dossier" ON "dispatch" ("dossier_code", "seq")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_template" (
         "event" character varying(16) NOT NULL,
         "text" text NOT NULL,
         "updated_by" character varying(255) NOT NULL,
         "updated_at" timestamp with time zone NOT NULL,
         CONSTRAINT "PK_notification_template" PRIMARY KEY ("event"))`,
    );
    await queryRunner.query(DISPATCH_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER dossier_dispatch BEFORE INSERT OR UPDATE OF status_code, appointment_at
         ON dossier FOR EACH ROW EXECUTE FUNCTION dossier_dispatch()`,
    );
    // Runners wake at once, as for a new job.
    await queryRunner.query(
      `CREATE TRIGGER dispatch_due_notify AFTER INSERT ON dispatch
         FOR EACH STATEMENT EXECUTE FUNCTION notify_job_due()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER dossier_dispatch ON dossier');
    await queryRunner.query('DROP FUNCTION dossier_dispatch()');
    await queryRunner.query('DROP TABLE "notification_template"');
    await queryRunner.query('DROP TABLE "dispatch"');
    await queryRunner.query(
      'ALTER TABLE "dossier" DROP COLUMN "portal_synced", DROP COLUMN "notify_by"',
    );
  }
}

/**
 * Statuses the citizen is told of (received, refused, papers asked for, fees asked for, result
 * ready), and a new appointment day while the dossier is received, in progress or waiting for
 * papers (the clock runs again when they come; a pause of a few minutes moves the time, not the
 * day). The portal is told of every status and every move of
 * the appointment, with the dossier's times as they are then; the dossier counts as not
 * synchronized until it acknowledges.
 */
const DISPATCH_FUNCTION = `CREATE FUNCTION dossier_dispatch() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    changed boolean := TG_OP = 'INSERT' OR OLD.status_code IS DISTINCT FROM NEW.status_code;
    moved boolean := TG_OP = 'UPDATE' AND OLD.appointment_at IS NOT NULL
                     AND NEW.appointment_at IS NOT NULL AND OLD.appointment_at <> NEW.appointment_at;
    event varchar := NULL;
  BEGIN
    IF changed THEN
      event := CASE NEW.status_code WHEN 2 THEN 'RECEIVED' WHEN 3 THEN 'REFUSED'
                 WHEN 5 THEN 'SUPPLEMENT' WHEN 6 THEN 'PAYMENT' WHEN 9 THEN 'RESULT' END;
    END IF;
    IF event IS NULL AND moved AND NEW.status_code IN (2, 4, 5)
       AND (OLD.appointment_at AT TIME ZONE office_time_zone())::date
           <> (NEW.appointment_at AT TIME ZONE office_time_zone())::date THEN
      event := 'APPOINTMENT';
    END IF;
    IF event IS NOT NULL AND NEW.notify_by IS NOT NULL THEN
      INSERT INTO dispatch (topic, event, dossier_code, received_day, instance_id, status_code,
                            appointment_at, finished_at, returned_at, channel)
      VALUES ('NOTIFY', event, NEW.code, NEW.received_day, NEW.instance_id, NEW.status_code,
              NEW.appointment_at, NEW.finished_at, NEW.returned_at, NEW.notify_by);
    END IF;
    IF (changed OR moved) AND current_setting('tthc.portal_sync', true) = 'on' THEN
      INSERT INTO dispatch (topic, event, dossier_code, received_day, instance_id, status_code,
                            appointment_at, finished_at, returned_at)
      VALUES ('PORTAL', CASE WHEN changed THEN 'STATUS' ELSE 'APPOINTMENT' END, NEW.code,
              NEW.received_day, NEW.instance_id, NEW.status_code, NEW.appointment_at,
              NEW.finished_at, NEW.returned_at);
      NEW.portal_synced := false;
    END IF;
    RETURN NEW;
  END $$`;
