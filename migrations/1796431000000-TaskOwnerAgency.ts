import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox-keys trigger, now also writing the task's owner agency (see InboxKeys). */
const TRIGGER_FUNCTION = `CREATE OR REPLACE FUNCTION task_inbox_keys() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    NEW.owner_agency := COALESCE(NEW.agency,
      (SELECT i.agency FROM process_instance i WHERE i.id = NEW.instance_id));
    NEW.inbox_keys :=
      ARRAY(SELECT 'user:' || u FROM unnest(NEW.candidate_users) u)
      || ARRAY(SELECT COALESCE(NEW.owner_agency, '*') || ':' || g FROM unnest(NEW.candidate_groups) g)
      || CASE WHEN cardinality(NEW.candidate_groups) = 0 AND cardinality(NEW.candidate_users) = 0
              THEN ARRAY[COALESCE(NEW.owner_agency, '*') || ':*'] ELSE '{}'::text[] END;
    RETURN NEW;
  END $$`;

/**
 * Tasks found by index, whoever asks. A task carries the agency its reach is computed from (its
 * step's, else the one that received the dossier; none: any agency's), written by the trigger
 * that already looked it up for the inbox keys, so `tasks` no longer joins the instance to know
 * it. The open and held tasks are indexed by it (a leader's view of the agency, and its overdue
 * part), and the inbox keys index takes held tasks too: every arm of an officer's reach over the
 * work in progress has an index, and the count of it reads no other task.
 */
export class TaskOwnerAgency1796431000000 implements MigrationInterface {
  name = 'TaskOwnerAgency1796431000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" ADD "owner_agency" character varying(255)');
    await queryRunner.query(TRIGGER_FUNCTION);
    await queryRunner.query(
      `UPDATE "task" t SET owner_agency = COALESCE(t.agency, i.agency)
         FROM process_instance i
        WHERE i.id = t.instance_id AND COALESCE(t.agency, i.agency) IS NOT NULL`,
    );
    await queryRunner.query('DROP INDEX "public"."task_inbox"');
    await queryRunner.query(
      `CREATE INDEX "task_inbox" ON "task" USING GIN ("inbox_keys")
        WHERE state IN ('OPEN', 'CLAIMED')`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_active_owner" ON "task" ("owner_agency", "seq")
        WHERE state IN ('OPEN', 'CLAIMED')`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_overdue_owner" ON "task" ("owner_agency", "seq")
        WHERE overdue AND state IN ('OPEN', 'CLAIMED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."task_overdue_owner"');
    await queryRunner.query('DROP INDEX "public"."task_active_owner"');
    await queryRunner.query('DROP INDEX "public"."task_inbox"');
    await queryRunner.query(
      `CREATE INDEX "task_inbox" ON "task" USING GIN ("inbox_keys") WHERE state = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION task_inbox_keys() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         owner text := COALESCE(NEW.agency,
           (SELECT i.agency FROM process_instance i WHERE i.id = NEW.instance_id), '*');
       BEGIN
         NEW.inbox_keys :=
           ARRAY(SELECT 'user:' || u FROM unnest(NEW.candidate_users) u)
           || ARRAY(SELECT owner || ':' || g FROM unnest(NEW.candidate_groups) g)
           || CASE WHEN cardinality(NEW.candidate_groups) = 0
                    AND cardinality(NEW.candidate_users) = 0
                   THEN ARRAY[owner || ':*'] ELSE '{}'::text[] END;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "owner_agency"');
  }
}
