import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's dossier list, newest first, with its filters and total count, from the index
 * alone: it carries the list's order to the last key (`code`) and every column a filter reads.
 * Before, a filtered count visited each of the agency's dossiers in the table, one page each.
 * It takes the place of (agency, received at), which it still serves (the tracking book).
 */
export class DossierList1796015000000 implements MigrationInterface {
  name = 'DossierList1796015000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "dossier_list" ON "dossier" ("agency_code", "received_at", "code")
         INCLUDE (status_code, procedure_key, field, channel, appointment_at, overdue)`,
    );
    await queryRunner.query('DROP INDEX "public"."dossier_agency_received"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "dossier_agency_received" ON "dossier" ("agency_code", "received_at")',
    );
    await queryRunner.query('DROP INDEX "public"."dossier_list"');
  }
}
