import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageWaits1795318843140 implements MigrationInterface {
  name = 'MessageWaits1795318843140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "message_start" ("definition_id" uuid NOT NULL, "element_id" character varying(255) NOT NULL, "key" character varying(255) NOT NULL, "message_name" character varying(255) NOT NULL, CONSTRAINT "PK_2ee62e6ae45bbce3b8770669a1f" PRIMARY KEY ("definition_id", "element_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "message_start_name" ON "message_start"  ("message_name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "message_subscription" ("instance_id" uuid NOT NULL, "subscription_id" integer NOT NULL, "message_name" character varying(255) NOT NULL, "correlation_key" character varying(255), "element_id" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_15aafaadaddd32a03ae0d65de34" PRIMARY KEY ("instance_id", "subscription_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "message_subscription_lookup" ON "message_subscription"  ("message_name", "correlation_key") ',
    );
    await queryRunner.query(
      'ALTER TABLE "message_start" ADD CONSTRAINT "FK_58800bfec89b1a01fd070c310ad" FOREIGN KEY ("definition_id") REFERENCES "process_definition"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "message_subscription" ADD CONSTRAINT "FK_2c04bf74b7ed468d1a992f7a80c" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "message_subscription" DROP CONSTRAINT "FK_2c04bf74b7ed468d1a992f7a80c"',
    );
    await queryRunner.query(
      'ALTER TABLE "message_start" DROP CONSTRAINT "FK_58800bfec89b1a01fd070c310ad"',
    );
    await queryRunner.query('DROP INDEX "public"."message_subscription_lookup"');
    await queryRunner.query('DROP TABLE "message_subscription"');
    await queryRunner.query('DROP INDEX "public"."message_start_name"');
    await queryRunner.query('DROP TABLE "message_start"');
  }
}
