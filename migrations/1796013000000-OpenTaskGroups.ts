import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tasks(filter: { candidateGroup })` is served again by a GIN index of the candidate groups
 * (StepRollupShards dropped the whole-table one), now only of open and held tasks: a completed
 * step no longer adds index entries, and the index stays the size of the work waiting.
 */
export class OpenTaskGroups1796013000000 implements MigrationInterface {
  name = 'OpenTaskGroups1796013000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "task_candidate_groups" ON "task" USING GIN ("candidate_groups")
        WHERE state IN ('OPEN', 'CLAIMED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."task_candidate_groups"');
  }
}
