import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The archive: a schema of its own where past years go (see src/store/archive.ts). Dossiers and
 * history keep their month partitions there, detached from the live tables and attached to
 * these; ended instances, their tasks and incidents are moved row by row. It holds no foreign
 * keys and no triggers: nothing is written there but by the archiving, and the figures of past
 * years stay in the rollups. `archive.cutoff` says before which day the live tables hold nothing.
 */
export class Archive1796434000000 implements MigrationInterface {
  name = 'Archive1796434000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA archive');
    await queryRunner.query(
      `CREATE TABLE archive.dossier (LIKE public.dossier) PARTITION BY RANGE (received_day)`,
    );
    await queryRunner.query(
      `CREATE TABLE archive.history_event (LIKE public.history_event) PARTITION BY RANGE (at)`,
    );
    for (const table of ['process_instance', 'task', 'incident']) {
      await queryRunner.query(
        `CREATE TABLE archive.${table} (LIKE public.${table}, PRIMARY KEY (id))`,
      );
    }
    await queryRunner.query('CREATE INDEX ON archive.task (instance_id)');
    await queryRunner.query('CREATE INDEX ON archive.incident (instance_id)');
    await queryRunner.query('CREATE INDEX ON archive.process_instance (business_key)');
    await queryRunner.query('CREATE TABLE archive.cutoff (before date NOT NULL)');
    // The archive takes ended instances oldest first, a batch at a time: by this index, not by
    // reading every instance each batch.
    await queryRunner.query(
      `CREATE INDEX "process_instance_ended" ON "process_instance" ("ended_at")
        WHERE status <> 'ACTIVE'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [archived] = (await queryRunner.query('SELECT before FROM archive.cutoff')) as unknown[];
    if (archived)
      throw new Error('The archive holds past years: undoing this migration would lose them');
    await queryRunner.query('DROP INDEX "process_instance_ended"');
    await queryRunner.query('DROP SCHEMA archive CASCADE');
  }
}
