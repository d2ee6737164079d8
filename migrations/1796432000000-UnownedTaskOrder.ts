import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open and held tasks of no agency in creation order, and their overdue part. A leader oversees
 * them beside their agency's (see task-reach.ts): a page of that arm is then read in order from
 * an index, where `owner_agency IS NULL` on the owner-agency indexes gives no order and the
 * planner would walk every task by sequence number to find a few.
 */
export class UnownedTaskOrder1796432000000 implements MigrationInterface {
  name = 'UnownedTaskOrder1796432000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "task_active_unowned" ON "task" ("seq")
        WHERE owner_agency IS NULL AND state IN ('OPEN', 'CLAIMED')`,
    );
    await queryRunner.query(
      `CREATE INDEX "task_overdue_unowned" ON "task" ("seq")
        WHERE owner_agency IS NULL AND overdue AND state IN ('OPEN', 'CLAIMED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."task_overdue_unowned"');
    await queryRunner.query('DROP INDEX "public"."task_active_unowned"');
  }
}
