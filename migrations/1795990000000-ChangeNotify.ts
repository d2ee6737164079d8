import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells listeners (GraphQL subscriptions) what changed, when its transaction commits: a task
 * (`task_changed`, its id) and a dossier, an instance with a code (`dossier_changed`, the code).
 * Whichever process wrote the change (API, job runner), every server hears it. Rows, not
 * statements: the payload names the row; PostgreSQL folds repeats within one transaction.
 * Written by hand: entity diffs know nothing of triggers.
 */
export class ChangeNotify1795990000000 implements MigrationInterface {
  name = 'ChangeNotify1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION notify_task_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('task_changed', NEW.id::text);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER task_changed_notify AFTER INSERT OR UPDATE ON "task"
       FOR EACH ROW EXECUTE FUNCTION notify_task_changed()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION notify_dossier_changed() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('dossier_changed', NEW.business_key);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER dossier_changed_notify AFTER INSERT OR UPDATE ON "process_instance"
       FOR EACH ROW WHEN (NEW.business_key IS NOT NULL AND NEW.parent_instance_id IS NULL)
       EXECUTE FUNCTION notify_dossier_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER dossier_changed_notify ON "process_instance"');
    await queryRunner.query('DROP FUNCTION notify_dossier_changed()');
    await queryRunner.query('DROP TRIGGER task_changed_notify ON "task"');
    await queryRunner.query('DROP FUNCTION notify_task_changed()');
  }
}
