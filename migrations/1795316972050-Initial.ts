import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795316972050 implements MigrationInterface {
  name = 'Initial1795316972050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "deployment" ("id" uuid NOT NULL, "source" text, "bpmn_xml" text NOT NULL, "content_hash" character(64) NOT NULL, "deployed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ee1f952fc81f37c6fea69c2e248" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "process_definition" ("id" uuid NOT NULL, "key" character varying(255) NOT NULL, "version" integer NOT NULL, "name" text, "procedure_code" character varying(64), "deployment_id" uuid NOT NULL, "model" jsonb NOT NULL, "deployed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6b5bceab5310f5367b472c4a54d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "process_definition_key_version" ON "process_definition"  ("key", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "process_instance" ("id" uuid NOT NULL, "definition_id" uuid NOT NULL, "business_key" character varying(255), "status" character varying(16) NOT NULL, "state" jsonb NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "revision" integer NOT NULL, CONSTRAINT "PK_55a49e7d20c6cfd3b18d5636042" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "process_instance_definition" ON "process_instance"  ("definition_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "process_instance_business_key" ON "process_instance"  ("business_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "history_event" ("id" BIGSERIAL NOT NULL, "instance_id" uuid NOT NULL, "event_type" character varying(32) NOT NULL, "element_id" character varying(255) NOT NULL, "element_type" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(255), "task_id" uuid, CONSTRAINT "PK_7fbfa45c0a68854e44cba8c6497" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "history_event_instance" ON "history_event"  ("instance_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "task" ("id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "instance_id" uuid NOT NULL, "wait_id" integer NOT NULL, "element_id" character varying(255) NOT NULL, "name" text, "candidate_groups" text array NOT NULL, "assignee" character varying(255), "state" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "completed_by" character varying(255), CONSTRAINT "UQ_c1b7f94a40829273e4eef8f8589" UNIQUE ("seq"), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "task_state_seq" ON "task"  ("state", "seq") ');
    // The inbox filters by role: `candidate_groups @> ARRAY[role]` uses this index.
    await queryRunner.query(
      'CREATE INDEX "task_candidate_groups" ON "task" USING GIN ("candidate_groups")',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "task_instance_wait" ON "task"  ("instance_id", "wait_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "process_definition" ADD CONSTRAINT "FK_a37bf7c258143adcded2ad18f9c" FOREIGN KEY ("deployment_id") REFERENCES "deployment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "process_instance" ADD CONSTRAINT "FK_b3a68dbd7c4dadd5c434875f4c3" FOREIGN KEY ("definition_id") REFERENCES "process_definition"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "history_event" ADD CONSTRAINT "FK_a0c1a9dcb52584e4bbfd492c055" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "task" ADD CONSTRAINT "FK_c3fac81fe6bd349d73091bafeae" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" DROP CONSTRAINT "FK_c3fac81fe6bd349d73091bafeae"');
    await queryRunner.query(
      'ALTER TABLE "history_event" DROP CONSTRAINT "FK_a0c1a9dcb52584e4bbfd492c055"',
    );
    await queryRunner.query(
      'ALTER TABLE "process_instance" DROP CONSTRAINT "FK_b3a68dbd7c4dadd5c434875f4c3"',
    );
    await queryRunner.query(
      'ALTER TABLE "process_definition" DROP CONSTRAINT "FK_a37bf7c258143adcded2ad18f9c"',
    );
    await queryRunner.query('DROP INDEX "public"."task_instance_wait"');
    await queryRunner.query('DROP INDEX "public"."task_candidate_groups"');
    await queryRunner.query('DROP INDEX "public"."task_state_seq"');
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('DROP INDEX "public"."history_event_instance"');
    await queryRunner.query('DROP TABLE "history_event"');
    await queryRunner.query('DROP INDEX "public"."process_instance_business_key"');
    await queryRunner.query('DROP INDEX "public"."process_instance_definition"');
    await queryRunner.query('DROP TABLE "process_instance"');
    await queryRunner.query('DROP INDEX "public"."process_definition_key_version"');
    await queryRunner.query('DROP TABLE "process_definition"');
    await queryRunner.query('DROP TABLE "deployment"');
  }
}
