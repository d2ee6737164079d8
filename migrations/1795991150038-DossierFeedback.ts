import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DossierFeedback1795991150038 implements MigrationInterface {
  name = 'DossierFeedback1795991150038';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier_feedback" ("id" uuid NOT NULL, "dossier_code" character varying(64) NOT NULL, "content" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answer" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" character varying(255), CONSTRAINT "PK_405e357cbafad5dc04e9b0f99ad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_feedback_dossier" ON "dossier_feedback"  ("dossier_code") ',
    );
    await queryRunner.query('ALTER TABLE "dossier" ADD "satisfied" boolean');
    await queryRunner.query('ALTER TABLE "dossier" ADD "rated_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "dossier_feedback" ADD CONSTRAINT "FK_6b148765c2fd6bfde1a38a7299c" FOREIGN KEY ("dossier_code") REFERENCES "dossier"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "dossier_feedback" DROP CONSTRAINT "FK_6b148765c2fd6bfde1a38a7299c"',
    );
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "rated_at"');
    await queryRunner.query('ALTER TABLE "dossier" DROP COLUMN "satisfied"');
    await queryRunner.query('DROP INDEX "public"."dossier_feedback_dossier"');
    await queryRunner.query('DROP TABLE "dossier_feedback"');
  }
}
