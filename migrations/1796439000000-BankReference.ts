import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A payment a bank notified (a VietQR transfer) keeps the bank's reference for it, unique: a
 * notice sent again, or twice at once, records the payment once.
 */
export class BankReference1796439000000 implements MigrationInterface {
  name = 'BankReference1796439000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "dossier_payment" ADD "bank_reference" character varying(64)',
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "dossier_payment_bank_reference" ON "dossier_payment" ("bank_reference")
        WHERE bank_reference IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."dossier_payment_bank_reference"');
    await queryRunner.query('ALTER TABLE "dossier_payment" DROP COLUMN "bank_reference"');
  }
}
