import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an administrator put a dossier back on track (a token moved, a step canceled): kept with
 * the history event that records it (empty for every other event), and with the mutation in the
 * audit log, as with every mutation that gives a reason.
 */
export class HistoryReason1796444700000 implements MigrationInterface {
  name = 'HistoryReason1796444700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "history_event" ADD "reason" character varying(500)');
    await queryRunner.query('ALTER TABLE "audit_event" ADD "reason" character varying(500)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "audit_event" DROP COLUMN "reason"');
    await queryRunner.query('ALTER TABLE "history_event" DROP COLUMN "reason"');
  }
}
