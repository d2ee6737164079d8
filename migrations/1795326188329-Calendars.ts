import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendars1795326188329 implements MigrationInterface {
  name = 'Calendars1795326188329';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_table" ("name" character varying(16) NOT NULL, "content" jsonb NOT NULL, "content_hash" character varying(64) NOT NULL, "source" character varying(255), "deployed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4b296e35fe905f153d9caf40abc" PRIMARY KEY ("name"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "calendar_table"');
  }
}
