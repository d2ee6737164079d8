import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Dossiers1795990100000 implements MigrationInterface {
  name = 'Dossiers1795990100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "dossier" ("code" character varying(64) NOT NULL, "agency_code" character varying(64) NOT NULL, "instance_id" uuid NOT NULL, "definition_id" uuid NOT NULL, "applicant" jsonb NOT NULL, "channel" character varying(16) NOT NULL, "components" jsonb NOT NULL, "status_code" smallint NOT NULL, "submission_id" character varying(255), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_by" character varying(255) NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_25ab58e6fccb9c23bcea1e8c41f" UNIQUE ("instance_id"), CONSTRAINT "PK_e4a0b898ce0e97174aa9056f9c9" PRIMARY KEY ("code"))',
    );
    await queryRunner.query('CREATE INDEX "dossier_status" ON "dossier"  ("status_code") ');
    await queryRunner.query(
      'CREATE INDEX "dossier_agency_received" ON "dossier"  ("agency_code", "received_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "dossier_submission" ON "dossier"  ("submission_id") WHERE submission_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_form" ("id" uuid NOT NULL, "dossier_code" character varying(64) NOT NULL, "number" character varying(2) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by" character varying(255) NOT NULL, "content" jsonb NOT NULL, CONSTRAINT "PK_d3a13a70ee86648054bc31dabca" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "dossier_form_dossier" ON "dossier_form"  ("dossier_code", "issued_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "dossier_sequence" ("agency_code" character varying(64) NOT NULL, "day" character varying(6) NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_2aeb5b05ed99052e7c9540cd252" PRIMARY KEY ("agency_code", "day"))',
    );
    await queryRunner.query('ALTER TABLE "agency" ADD "dossier_prefix" character varying(32)');
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD CONSTRAINT "FK_25ab58e6fccb9c23bcea1e8c41f" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD CONSTRAINT "FK_6c8fcc2c0c9314ab15791fa0897" FOREIGN KEY ("definition_id") REFERENCES "process_definition"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier_form" ADD CONSTRAINT "FK_7118a274ac4909d328345379d19" FOREIGN KEY ("dossier_code") REFERENCES "dossier"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "dossier_form" DROP CONSTRAINT "FK_7118a274ac4909d328345379d19"',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" DROP CONSTRAINT "FK_6c8fcc2c0c9314ab15791fa0897"',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" DROP CONSTRAINT "FK_25ab58e6fccb9c23bcea1e8c41f"',
    );
    await queryRunner.query('ALTER TABLE "agency" DROP COLUMN "dossier_prefix"');
    await queryRunner.query('DROP TABLE "dossier_sequence"');
    await queryRunner.query('DROP INDEX "public"."dossier_form_dossier"');
    await queryRunner.query('DROP TABLE "dossier_form"');
    await queryRunner.query('DROP INDEX "public"."dossier_submission"');
    await queryRunner.query('DROP INDEX "public"."dossier_agency_received"');
    await queryRunner.query('DROP INDEX "public"."dossier_status"');
    await queryRunner.query('DROP TABLE "dossier"');
  }
}
