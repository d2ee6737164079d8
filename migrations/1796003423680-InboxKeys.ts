import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox by index: each task keeps the keys of who it is offered to (see TaskEntity.inboxKeys),
 * written by a trigger so every writer agrees, and found through a GIN index of the open tasks;
 * held tasks through an index by holder.
 */
export class InboxKeys1796003423680 implements MigrationInterface {
  name = 'InboxKeys1796003423680';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task" ADD "inbox_keys" text array NOT NULL DEFAULT \'{}\'',
    );
    // The agency is the step's own, else the one that received the dossier, else '*' (anyone's).
    await queryRunner.query(
      `CREATE FUNCTION task_inbox_keys() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(
      `CREATE TRIGGER task_inbox_keys BEFORE INSERT OR UPDATE OF agency, candidate_groups,
         candidate_users ON "task" FOR EACH ROW EXECUTE FUNCTION task_inbox_keys()`,
    );
    await queryRunner.query('UPDATE "task" SET agency = agency');
    await queryRunner.query(
      `CREATE INDEX "task_inbox" ON "task" USING GIN ("inbox_keys") WHERE state = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_held" ON "task" ("assignee") WHERE state IN ('OPEN', 'CLAIMED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."task_held"');
    await queryRunner.query('DROP INDEX "public"."task_inbox"');
    await queryRunner.query('DROP TRIGGER task_inbox_keys ON "task"');
    await queryRunner.query('DROP FUNCTION task_inbox_keys()');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "inbox_keys"');
  }
}
