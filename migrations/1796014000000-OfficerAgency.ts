import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The officers of an agency by index: signing in asks, for each role an officer backs up,
 * whether a colleague of their agency holding it is away, and the officer list of an agency
 * reads them; both scanned every officer of the province before.
 */
export class OfficerAgency1796014000000 implements MigrationInterface {
  name = 'OfficerAgency1796014000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "officer_agency" ON "officer" ("agency_id")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."officer_agency"');
  }
}
