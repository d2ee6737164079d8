import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts a completed step (see Metrics): into the shard of the connection that completes it. */
const stepRollupTrigger = (shard: string, conflict: string) =>
  `CREATE OR REPLACE FUNCTION step_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO step_rollup AS r (definition_id, element_id, day, bucket, shard, completed,
                                   overdue, working_minutes)
     SELECT i.definition_id, NEW.element_id, (NEW.ended_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
            duration_bucket(COALESCE(NEW.working_minutes, 0)), ${shard}, 1,
            (NEW.due_at IS NOT NULL AND NEW.ended_at > NEW.due_at)::int,
            COALESCE(NEW.working_minutes, 0)
       FROM process_instance i WHERE i.id = NEW.instance_id
     ON CONFLICT (${conflict}) DO UPDATE
       SET completed = r.completed + 1, overdue = r.overdue + EXCLUDED.overdue,
           working_minutes = r.working_minutes + EXCLUDED.working_minutes;
     RETURN NULL;
   END $$`;

/**
 * A step's writes made lighter. The GIN index on a task's candidate groups took entries for every
 * version of every task, completed ones too (OpenTaskGroups puts back one of the open tasks, for
 * `tasks(filter: { candidateGroup })`). The step rollup had one row per
 * step, day and bucket, so officers completing the same step at once queued on its lock until
 * their commits: each connection now counts into its own shard (`pg_backend_pid() % 8`).
 */

export class StepRollupShards1796012358384 implements MigrationInterface {
  name = 'StepRollupShards1796012358384';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."task_candidate_groups"');
    await queryRunner.query(
      'ALTER TABLE "step_rollup" ADD "shard" smallint NOT NULL DEFAULT \'0\'',
    );
    await queryRunner.query(
      'ALTER TABLE "step_rollup" DROP CONSTRAINT "PK_64678db79609a5e0d4bcaf3686b"',
    );
    await queryRunner.query(
      'ALTER TABLE "step_rollup" ADD CONSTRAINT "PK_f5ce6fda5d9cc0dfba4e58c2e94" PRIMARY KEY ("definition_id", "element_id", "day", "bucket", "shard")',
    );
    await queryRunner.query(
      stepRollupTrigger('pg_backend_pid() % 8', 'definition_id, element_id, day, bucket, shard'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The shards folded back into one row each.
    await queryRunner.query(
      `CREATE TEMPORARY TABLE step_rollup_folded AS
       SELECT definition_id, element_id, day, bucket, 0 AS shard, sum(completed)::int AS completed,
              sum(overdue)::int AS overdue, sum(working_minutes)::bigint AS working_minutes
         FROM step_rollup GROUP BY 1, 2, 3, 4`,
    );
    await queryRunner.query('DELETE FROM step_rollup');
    await queryRunner.query(
      `INSERT INTO step_rollup (definition_id, element_id, day, bucket, shard, completed, overdue,
                                working_minutes)
       SELECT definition_id, element_id, day, bucket, shard, completed, overdue, working_minutes
         FROM step_rollup_folded`,
    );
    await queryRunner.query('DROP TABLE step_rollup_folded');
    await queryRunner.query(stepRollupTrigger('0', 'definition_id, element_id, day, bucket'));
    await queryRunner.query(
      'ALTER TABLE "step_rollup" DROP CONSTRAINT "PK_f5ce6fda5d9cc0dfba4e58c2e94"',
    );
    await queryRunner.query(
      'ALTER TABLE "step_rollup" ADD CONSTRAINT "PK_64678db79609a5e0d4bcaf3686b" PRIMARY KEY ("definition_id", "element_id", "day", "bucket")',
    );
    await queryRunner.query('ALTER TABLE "step_rollup" DROP COLUMN "shard"');
    await queryRunner.query(
      'CREATE INDEX "task_candidate_groups" ON "task" USING gin ("candidate_groups") ',
    );
  }
}
