import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Incidents1795325750693 implements MigrationInterface {
  name = 'Incidents1795325750693';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "incident" ("id" uuid NOT NULL, "job_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "element_id" character varying(255) NOT NULL, "job_type" character varying(255) NOT NULL, "message" text NOT NULL, "status" character varying(16) NOT NULL, "resolution" character varying(16), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5f90b28b0b8238d89ee8edcf96e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "incident_job" ON "incident"  ("job_id") ');
    await queryRunner.query(
      'CREATE INDEX "incident_status" ON "incident"  ("status", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_3517c931e787ecbc393ef4de211" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "incident" DROP CONSTRAINT "FK_3517c931e787ecbc393ef4de211"',
    );
    await queryRunner.query('DROP INDEX "public"."incident_status"');
    await queryRunner.query('DROP INDEX "public"."incident_job"');
    await queryRunner.query('DROP TABLE "incident"');
  }
}
