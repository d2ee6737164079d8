import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallActivities1795320384203 implements MigrationInterface {
  name = 'CallActivities1795320384203';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "process_instance" ADD "parent_instance_id" uuid');
    await queryRunner.query('ALTER TABLE "process_instance" ADD "parent_wait_id" integer');
    await queryRunner.query(
      'CREATE INDEX "process_instance_parent" ON "process_instance"  ("parent_instance_id", "parent_wait_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "process_instance" ADD CONSTRAINT "FK_9c67cbbedac2fda3c4ea43e4417" FOREIGN KEY ("parent_instance_id") REFERENCES "process_instance"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "process_instance" DROP CONSTRAINT "FK_9c67cbbedac2fda3c4ea43e4417"',
    );
    await queryRunner.query('DROP INDEX "public"."process_instance_parent"');
    await queryRunner.query('ALTER TABLE "process_instance" DROP COLUMN "parent_wait_id"');
    await queryRunner.query('ALTER TABLE "process_instance" DROP COLUMN "parent_instance_id"');
  }
}
