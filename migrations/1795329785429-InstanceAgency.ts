import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InstanceAgency1795329785429 implements MigrationInterface {
  name = 'InstanceAgency1795329785429';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "process_instance" ADD "agency" character varying(64)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "process_instance" DROP COLUMN "agency"');
  }
}
