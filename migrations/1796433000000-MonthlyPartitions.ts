import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildTable } from './support/rebuild-table';

/**
 * Dossiers by the month they were received, history by the month it happened: PostgreSQL's own
 * range partitions, so that a province's years of history keep each month's table and indexes
 * small, and a past year can be detached to the archive whole (see src/store/archive.ts).
 *
 * Months are the office's (office_time_zone()). A default partition takes a row whose month has
 * no partition yet; `ensure_month_partitions`, run by the job runner every day, creates the
 * coming months ahead and moves any such rows into their month.
 *
 * A partitioned table's unique keys must hold its partition key. So the dossier's key becomes
 * (code, received_day); its instance and its online submission stay unique by how they are
 * written (one dossier per reception, a submission received under a lock), and the forms,
 * payments and feedback of a dossier lose their foreign key to it: the consistency report
 * finds any that lost their dossier.
 */
export class MonthlyPartitions1796433000000 implements MigrationInterface {
  name = 'MonthlyPartitions1796433000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of PARTITION_FUNCTIONS) await queryRunner.query(statement);
    for (const child of DOSSIER_CHILDREN)
      await queryRunner.query(`ALTER TABLE "${child.table}" DROP CONSTRAINT "${child.foreignKey}"`);
    await queryRunner.query(`ALTER TABLE "dossier" DROP CONSTRAINT "${DOSSIER_INSTANCE_UNIQUE}"`);
    await queryRunner.query('DROP INDEX "dossier_submission"');
    await rebuildTable(queryRunner, {
      table: 'dossier',
      monthOf: 'received_day',
      primaryKey: ['code', 'received_day'],
    });
    await queryRunner.query('CREATE INDEX "dossier_instance" ON "dossier" ("instance_id")');
    await queryRunner.query(
      `CREATE INDEX "dossier_submission" ON "dossier" ("submission_id") WHERE submission_id IS NOT NULL`,
    );
    await rebuildTable(queryRunner, {
      table: 'history_event',
      monthOf: 'at',
      primaryKey: ['id', 'at'],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuildTable(queryRunner, { table: 'history_event', monthOf: null, primaryKey: ['id'] });
    await queryRunner.query('DROP INDEX "dossier_submission"');
    await queryRunner.query('DROP INDEX "dossier_instance"');
    await rebuildTable(queryRunner, { table: 'dossier', monthOf: null, primaryKey: ['code'] });
    await queryRunner.query(
      `CREATE UNIQUE INDEX "dossier_submission" ON "dossier" ("submission_id") WHERE submission_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossier" ADD CONSTRAINT "${DOSSIER_INSTANCE_UNIQUE}" UNIQUE ("instance_id")`,
    );
    for (const child of DOSSIER_CHILDREN)
      await queryRunner.query(
        `ALTER TABLE "${child.table}" ADD CONSTRAINT "${child.foreignKey}" FOREIGN KEY ("dossier_code")
           REFERENCES "dossier"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    await queryRunner.query('DROP FUNCTION ensure_month_partitions(integer)');
    await queryRunner.query('DROP FUNCTION ensure_month_partition(regclass, date)');
    await queryRunner.query('DROP FUNCTION month_of(date)');
    await queryRunner.query('DROP FUNCTION month_of(timestamptz)');
  }
}

const DOSSIER_INSTANCE_UNIQUE = 'UQ_25ab58e6fccb9c23bcea1e8c41f';

const DOSSIER_CHILDREN = [
  { table: 'dossier_form', foreignKey: 'FK_7118a274ac4909d328345379d19' },
  { table: 'dossier_payment', foreignKey: 'FK_a3ef131bd52bb0d622698674487' },
  { table: 'dossier_feedback', foreignKey: 'FK_6b148765c2fd6bfde1a38a7299c' },
];

const PARTITION_FUNCTIONS = [
  `CREATE FUNCTION month_of(day date) RETURNS date LANGUAGE sql IMMUTABLE
     AS $$ SELECT date_trunc('month', day)::date $$`,
  `CREATE FUNCTION month_of(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE
     AS $$ SELECT date_trunc('month', at AT TIME ZONE office_time_zone())::date $$`,
  // A month's partition of a table partitioned by month, made if missing. Rows the default
  // partition took for that month move into it (deleted and inserted again, so the rollup
  // triggers see them leave and come back).
  `CREATE FUNCTION ensure_month_partition(parent regclass, month date) RETURNS boolean
   LANGUAGE plpgsql AS $$
   DECLARE
     key text := substring(pg_get_partkeydef(parent) FROM '^RANGE \\((\\w+)\\)$');
     schema_name text;
     partition_name text;
     is_day boolean;
     low text;
     high text;
   BEGIN
     month := date_trunc('month', month)::date;
     SELECT n.nspname, c.relname || to_char(month, '"_y"YYYY"m"MM')
       INTO schema_name, partition_name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
     IF to_regclass(format('%I.%I', schema_name, partition_name)) IS NOT NULL THEN
       RETURN false;
     END IF;
     SELECT atttypid = 'date'::regtype INTO is_day
       FROM pg_attribute WHERE attrelid = parent AND attname = key;
     IF is_day THEN
       low := quote_literal(month);
       high := quote_literal((month + interval '1 month')::date);
     ELSE
       low := quote_literal(month::timestamp AT TIME ZONE office_time_zone());
       high := quote_literal((month + interval '1 month')::timestamp AT TIME ZONE office_time_zone());
     END IF;
     EXECUTE format('CREATE TEMP TABLE month_partition_moved ON COMMIT DROP AS
                       WITH moved AS (DELETE FROM %s WHERE %I >= %s AND %I < %s RETURNING *)
                       SELECT * FROM moved', parent, key, low, key, high);
     EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%s) TO (%s)',
                    schema_name, partition_name, parent, low, high);
     EXECUTE format('INSERT INTO %s SELECT * FROM month_partition_moved', parent);
     DROP TABLE month_partition_moved;
     RETURN true;
   END $$`,
  // Every table of this schema partitioned by month gets the last month, this one and the
  // coming ones: called each day by the job runner. Returns how many partitions it made.
  // Making a partition locks its table for a moment: behind a long query it gives up after a
  // few seconds rather than hold every step up, and the runner tries again.
  `CREATE FUNCTION ensure_month_partitions(months_ahead integer) RETURNS integer
   LANGUAGE plpgsql AS $$
   DECLARE
     parent regclass;
     made integer := 0;
     -- Restored at the end: the transaction may be shared (see group-commit.ts).
     previous_timeout text := current_setting('lock_timeout');
   BEGIN
     PERFORM set_config('lock_timeout', '5s', true);
     PERFORM pg_advisory_xact_lock(hashtext('ensure_month_partitions'));
     FOR parent IN
       SELECT p.partrelid::regclass FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND p.partstrat = 'r'
          AND NOT c.relispartition
     LOOP
       FOR m IN -1 .. months_ahead LOOP
         IF ensure_month_partition(parent, (month_of(now()) + m * interval '1 month')::date) THEN
           made := made + 1;
         END IF;
       END LOOP;
     END LOOP;
     PERFORM set_config('lock_timeout', previous_timeout, true);
     RETURN made;
   END $$`,
];
