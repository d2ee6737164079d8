import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Officers1795329264312 implements MigrationInterface {
  name = 'Officers1795329264312';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "agency" ("id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(255) NOT NULL, "kind" character varying(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "agency_code" ON "agency"  ("code") ');
    await queryRunner.query(
      'CREATE TABLE "officer" ("id" uuid NOT NULL, "username" character varying(64) NOT NULL, "full_name" character varying(255) NOT NULL, "agency_id" uuid NOT NULL, "password_hash" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b9bab694da36794c5065085936c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "officer_username" ON "officer"  ("username") ');
    await queryRunner.query(
      'CREATE TABLE "absence" ("id" uuid NOT NULL, "officer_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, "set_by" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_30089b15c0f880f026581218c16" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "absence_officer_period" ON "absence"  ("officer_id", "starts_at", "ends_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" character varying(64), "action" character varying(64) NOT NULL, "target" character varying(255), "outcome" character varying(64) NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "audit_event_actor" ON "audit_event"  ("actor", "at") ');
    await queryRunner.query('CREATE INDEX "audit_event_at" ON "audit_event"  ("at") ');
    await queryRunner.query(
      'CREATE TABLE "auth_key" ("name" character varying(32) NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_db9f31951385e0b5b86ecd5fa0f" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "role_membership" ("officer_id" uuid NOT NULL, "role" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, CONSTRAINT "PK_e981ff68b1dda2addaadf0c3197" PRIMARY KEY ("officer_id", "role"))',
    );
    await queryRunner.query(
      'ALTER TABLE "officer" ADD CONSTRAINT "FK_310d4dd0f09ed026d82763c40ca" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "absence" ADD CONSTRAINT "FK_d528c34b080d847526b779f2059" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_membership" ADD CONSTRAINT "FK_6f99c9892fa02931a17daebfad8" FOREIGN KEY ("officer_id") REFERENCES "officer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "role_membership" DROP CONSTRAINT "FK_6f99c9892fa02931a17daebfad8"',
    );
    await queryRunner.query(
      'ALTER TABLE "absence" DROP CONSTRAINT "FK_d528c34b080d847526b779f2059"',
    );
    await queryRunner.query(
      'ALTER TABLE "officer" DROP CONSTRAINT "FK_310d4dd0f09ed026d82763c40ca"',
    );
    await queryRunner.query('DROP TABLE "role_membership"');
    await queryRunner.query('DROP TABLE "auth_key"');
    await queryRunner.query('DROP INDEX "public"."audit_event_at"');
    await queryRunner.query('DROP INDEX "public"."audit_event_actor"');
    await queryRunner.query('DROP TABLE "audit_event"');
    await queryRunner.query('DROP INDEX "public"."absence_officer_period"');
    await queryRunner.query('DROP TABLE "absence"');
    await queryRunner.query('DROP INDEX "public"."officer_username"');
    await queryRunner.query('DROP TABLE "officer"');
    await queryRunner.query('DROP INDEX "public"."agency_code"');
    await queryRunner.query('DROP TABLE "agency"');
  }
}
