import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskFormsAndHandOns1796002110374 implements MigrationInterface {
  name = 'TaskFormsAndHandOns1796002110374';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "task_form" ("id" uuid NOT NULL, "form_id" character varying(255) NOT NULL, "version" integer NOT NULL, "schema" jsonb NOT NULL, "content_hash" character(64) NOT NULL, "source" text, "deployed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7e1c590a38acb4c255d0857c7ff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "task_form_id_version" ON "task_form"  ("form_id", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "task_hand_on" ("id" BIGSERIAL NOT NULL, "task_id" uuid NOT NULL, "from_agency" character varying(255), "to_agency" character varying(255) NOT NULL, "handed_by" character varying(255) NOT NULL, "handed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_a544801883ddb815736c712e3f4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "task_hand_on_task" ON "task_hand_on"  ("task_id", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "task_hand_on" ADD CONSTRAINT "FK_40035cd3a36458ad5a1eda2ea03" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "task_hand_on" DROP CONSTRAINT "FK_40035cd3a36458ad5a1eda2ea03"',
    );
    await queryRunner.query('DROP INDEX "public"."task_hand_on_task"');
    await queryRunner.query('DROP TABLE "task_hand_on"');
    await queryRunner.query('DROP INDEX "public"."task_form_id_version"');
    await queryRunner.query('DROP TABLE "task_form"');
  }
}
