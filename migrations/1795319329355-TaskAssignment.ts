import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskAssignment1795319329355 implements MigrationInterface {
  name = 'TaskAssignment1795319329355';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task" ADD "candidate_users" text array NOT NULL DEFAULT \'{}\'',
    );
    await queryRunner.query('ALTER TABLE "task" ADD "form_key" character varying(255)');
    await queryRunner.query('ALTER TABLE "task" ADD "agency" character varying(255)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "agency"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "form_key"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "candidate_users"');
  }
}
