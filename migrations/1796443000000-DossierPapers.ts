import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of a dossier's papers, as an online submission carried them: written with the
 * reception, each paper once (by its place in the submission). Keyed to the dossier by its code,
 * with no foreign key, like its forms and payments (see the MonthlyPartitions migration).
 */
export class DossierPapers1796443000000 implements MigrationInterface {
  name = 'DossierPapers1796443000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier_paper" ("id" uuid NOT NULL, "dossier_code" character varying(64) NOT NULL, "received_day" date NOT NULL, "position" smallint NOT NULL, "name" character varying(255) NOT NULL, "kind" character varying(16) NOT NULL, "file_name" character varying(255), "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, CONSTRAINT "PK_9595e76ab63add505f085493d72" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_paper_position" ON "dossier_paper"  ("dossier_code", "position") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."dossier_paper_position"');
    await queryRunner.query('DROP TABLE "dossier_paper"');
  }
}
