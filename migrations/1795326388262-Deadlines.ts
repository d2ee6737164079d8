import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Deadlines1795326388262 implements MigrationInterface {
  name = 'Deadlines1795326388262';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "process_instance" ADD "due_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "process_instance" ADD "overdue" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "process_instance" ADD "clock_paused_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query('ALTER TABLE "task" ADD "due_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "task" ADD "overdue" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      'CREATE INDEX "process_instance_status_due" ON "process_instance"  ("status", "due_at") ',
    );
    await queryRunner.query('CREATE INDEX "task_state_due" ON "task"  ("state", "due_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."task_state_due"');
    await queryRunner.query('DROP INDEX "public"."process_instance_status_due"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "overdue"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "due_at"');
    await queryRunner.query('ALTER TABLE "process_instance" DROP COLUMN "clock_paused_at"');
    await queryRunner.query('ALTER TABLE "process_instance" DROP COLUMN "overdue"');
    await queryRunner.query('ALTER TABLE "process_instance" DROP COLUMN "due_at"');
  }
}
