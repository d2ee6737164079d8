import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each agency may name the agency above it (`parent_code`): a commune its district or province,
 * a district or department its province. A province's ranking on the 766 index counts the
 * agencies under it. Agencies made before stand alone until given one.
 */
export class AgencyParent1796427000000 implements MigrationInterface {
  name = 'AgencyParent1796427000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "agency" ADD "parent_code" character varying(64)');
    await queryRunner.query(
      'ALTER TABLE "agency" ADD CONSTRAINT "FK_de0ced1cff59b1ed70796e4a5ad" FOREIGN KEY ("parent_code") REFERENCES "agency"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "agency" DROP CONSTRAINT "FK_de0ced1cff59b1ed70796e4a5ad"',
    );
    await queryRunner.query('ALTER TABLE "agency" DROP COLUMN "parent_code"');
  }
}
