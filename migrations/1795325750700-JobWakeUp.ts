import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the job runners: every statement that adds jobs or makes one due again notifies the
 * `job_due` channel when its transaction commits, so runners need not wait for their next poll.
 * Written by hand: entity diffs know nothing of triggers.
 */
export class JobWakeUp1795325750700 implements MigrationInterface {
  name = 'JobWakeUp1795325750700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION notify_job_due() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('job_due', TG_OP);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER job_due_notify AFTER INSERT OR UPDATE OF due_at, retries ON "job"
       FOR EACH STATEMENT EXECUTE FUNCTION notify_job_due()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER job_due_notify ON "job"');
    await queryRunner.query('DROP FUNCTION notify_job_due()');
  }
}
