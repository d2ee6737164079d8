import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyServes1795990300000 implements MigrationInterface {
  name = 'AgencyServes1795990300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "agency" ADD "serves" text array NOT NULL DEFAULT \'{}\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "agency" DROP COLUMN "serves"');
  }
}
