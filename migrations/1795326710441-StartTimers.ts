import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StartTimers1795326710441 implements MigrationInterface {
  name = 'StartTimers1795326710441';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "job" ADD "definition_id" uuid');
    await queryRunner.query('ALTER TABLE "job" ADD "repeat" jsonb');
    await queryRunner.query(
      'ALTER TABLE "incident" DROP CONSTRAINT "FK_3517c931e787ecbc393ef4de211"',
    );
    await queryRunner.query('ALTER TABLE "incident" ALTER COLUMN "instance_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "job" DROP CONSTRAINT "FK_3d1816083d1f0dd8b45f74e8ab3"');
    await queryRunner.query('DROP INDEX "public"."job_instance_wait"');
    await queryRunner.query('ALTER TABLE "job" ALTER COLUMN "instance_id" DROP NOT NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "job_instance_wait" ON "job"  ("instance_id", "wait_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_3517c931e787ecbc393ef4de211" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "job" ADD CONSTRAINT "FK_3d1816083d1f0dd8b45f74e8ab3" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "job" ADD CONSTRAINT "FK_d2dde88304d24902eaf4b8144cc" FOREIGN KEY ("definition_id") REFERENCES "process_definition"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "job" DROP CONSTRAINT "FK_d2dde88304d24902eaf4b8144cc"');
    await queryRunner.query('ALTER TABLE "job" DROP CONSTRAINT "FK_3d1816083d1f0dd8b45f74e8ab3"');
    await queryRunner.query(
      'ALTER TABLE "incident" DROP CONSTRAINT "FK_3517c931e787ecbc393ef4de211"',
    );
    await queryRunner.query('DROP INDEX "public"."job_instance_wait"');
    await queryRunner.query('ALTER TABLE "job" ALTER COLUMN "instance_id" SET NOT NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "job_instance_wait" ON "job" USING btree ("instance_id", "wait_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "job" ADD CONSTRAINT "FK_3d1816083d1f0dd8b45f74e8ab3" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "incident" ALTER COLUMN "instance_id" SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "incident" ADD CONSTRAINT "FK_3517c931e787ecbc393ef4de211" FOREIGN KEY ("instance_id") REFERENCES "process_instance"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "job" DROP COLUMN "repeat"');
    await queryRunner.query('ALTER TABLE "job" DROP COLUMN "definition_id"');
  }
}
