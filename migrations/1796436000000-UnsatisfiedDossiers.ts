import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossiers rated "not satisfied", by agency and day: the 766 index counts them with those
 * that drew feedback (see complainedOf), a few among a province's millions, found here rather
 * than by reading every dossier of the period.
 */
export class UnsatisfiedDossiers1796436000000 implements MigrationInterface {
  name = 'UnsatisfiedDossiers1796436000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "dossier_unsatisfied" ON "dossier" ("agency_code", "received_day")
        WHERE satisfied IS FALSE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."dossier_unsatisfied"');
  }
}
