import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageOutbox1795326933964 implements MigrationInterface {
  name = 'MessageOutbox1795326933964';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "job" ADD "payload" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "job" DROP COLUMN "payload"');
  }
}
