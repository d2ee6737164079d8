import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signals share the tables of messages: a wait (or a start) is of one kind or the other, and a
 * broadcast looks up every wait of its kind and name.
 */
export class SignalSubscriptions1796429000000 implements MigrationInterface {
  name = 'SignalSubscriptions1796429000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['message_subscription', 'message_start']) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'message'`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM message_subscription WHERE kind = 'signal'`);
    await queryRunner.query(`DELETE FROM message_start WHERE kind = 'signal'`);
    for (const table of ['message_subscription', 'message_start']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN kind`);
    }
  }
}
