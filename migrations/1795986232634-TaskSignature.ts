import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskSignature1795986232634 implements MigrationInterface {
  name = 'TaskSignature1795986232634';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task" ADD "needs_signature" boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "needs_signature"');
  }
}
