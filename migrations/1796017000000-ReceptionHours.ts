import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar files now include each agency's reception hours, `reception.<agency code>`: their
 * names grow to hold an agency code (64 characters).
 */
export class ReceptionHours1796017000000 implements MigrationInterface {
  name = 'ReceptionHours1796017000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "calendar_table" ALTER COLUMN "name" TYPE character varying(80)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "calendar_table" WHERE name LIKE 'reception.%'`);
    await queryRunner.query(
      'ALTER TABLE "calendar_table" ALTER COLUMN "name" TYPE character varying(16)',
    );
  }
}
