import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The guidance (Form 02) and refusals (Form 03) the desk issues without receiving a dossier. */
export class DeskNotices1796426851138 implements MigrationInterface {
  name = 'DeskNotices1796426851138';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "desk_notice" ("id" uuid NOT NULL, "agency_code" character varying(64) NOT NULL, "procedure_key" character varying(255) NOT NULL, "field" character varying(64) NOT NULL DEFAULT \'\', "number" character varying(2) NOT NULL, "applicant" jsonb NOT NULL, "content" jsonb NOT NULL, "issued_by" character varying(255) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_day" date NOT NULL, CONSTRAINT "PK_980efbd6b4f380704ed4cd92d20" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "desk_notice_agency_day" ON "desk_notice"  ("agency_code", "issued_day") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."desk_notice_agency_day"');
    await queryRunner.query('DROP TABLE "desk_notice"');
  }
}
