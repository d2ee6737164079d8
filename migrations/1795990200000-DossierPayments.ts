import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierPayments1795990200000 implements MigrationInterface {
  name = 'DossierPayments1795990200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier_payment" ("id" uuid NOT NULL, "dossier_code" character varying(64) NOT NULL, "amount" integer NOT NULL, "method" character varying(16) NOT NULL, "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" character varying(255) NOT NULL, CONSTRAINT "PK_827ea2de8a1db21cd92cfe194a5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_payment_dossier" ON "dossier_payment"  ("dossier_code") ',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD "fee_amount" integer NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_payment" ADD CONSTRAINT "FK_a3ef131bd52bb0d622698674487" FOREIGN KEY ("dossier_code") REFERENCES "dossier"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "dossier_payment" DROP CONSTRAINT "FK_a3ef131bd52bb0d622698674487"',
    );
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "fee_amount"');
    await queryRunner.query('DROP INDEX "public"."dossier_payment_dossier"');
    await queryRunner.query('DROP TABLE "dossier_payment"');
  }
}
