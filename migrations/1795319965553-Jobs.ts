import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Jobs1795319965553 implements MigrationInterface {
  name = 'Jobs1795319965553';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "job" ("id" uuid NOT NULL, "instance_id" uuid NOT NULL, "wait_id" integer NOT NULL, "kind" character varying(16) NOT NULL, "type" character varying(255), "element_id" character varying(255) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retries" integer NOT NULL, "locked_by" character varying(255), "locked_until" TIMESTAMP WITH TIME ZONE, "error_message" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "job_type_due" ON "job"  ("type", "due_at") ');
    await queryRunner.query('CREATE INDEX "job_due" ON "job"  ("kind", "due_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "job_instance_wait" ON "job"  ("instance_id", "wait_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "job" ADD CONSTRAINT "FK_3d1816083d1f0dd8b45f74e8ab3" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "job" DROP CONSTRAINT "FK_3d1816083d1f0dd8b45f74e8ab3"');
    await queryRunner.query('DROP INDEX "public"."job_instance_wait"');
    await queryRunner.query('DROP INDEX "public"."job_due"');
    await queryRunner.query('DROP INDEX "public"."job_type_due"');
    await queryRunner.query('DROP TABLE "job"');
  }
}
