import type { QueryRunner } from 'typeorm';

/** What the rebuilt table becomes: partitioned by month on a column, or plain again. */
export interface Rebuild {
  table: string;
  /** The column whose month picks the partition; null rebuilds a plain table. */
  monthOf: string | null;
  primaryKey: string[];
}

/**
 * Rebuilds a table as a new one of the same columns, partitioned by month or plain, and moves
 * its rows, indexes, foreign keys, triggers and the functions that take its row type across.
 * PostgreSQL cannot turn a table into a partitioned one in place. Unique indexes and constraints
 * other than the primary key, and foreign keys that point at the table, are the caller's to
 * drop before and make again after: which of them survive depends on the partition key.
 */
export async function rebuildTable(queryRunner: QueryRunner, rebuild: Rebuild): Promise<void> {
  const { table } = rebuild;
  const saved = await savedDefinitions(queryRunner, table);
  const old = `${table}_before_rebuild`;
  for (const sequence of saved.ownedSequences)
    await queryRunner.query(`ALTER SEQUENCE ${sequence.name} OWNED BY NONE`);
  await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "${old}"`);
  await queryRunner.query(
    `CREATE TABLE "${table}" (LIKE "${old}" INCLUDING DEFAULTS INCLUDING STORAGE)` +
      (rebuild.monthOf ? ` PARTITION BY RANGE ("${rebuild.monthOf}")` : ''),
  );
  if (rebuild.monthOf) await createMonths(queryRunner, table, old, rebuild.monthOf);
  await queryRunner.query(`INSERT INTO "${table}" SELECT * FROM "${old}"`);
  // Takes the functions of its row type with it; they are made again below.
  await queryRunner.query(`DROP TABLE "${old}" CASCADE`);
  const primaryKeyName = queryRunner.connection.namingStrategy.primaryKeyName(
    table,
    rebuild.primaryKey,
  );
  const columns = rebuild.primaryKey.map((column) => `"${column}"`).join(', ');
  await queryRunner.query(
    `ALTER TABLE "${table}" ADD CONSTRAINT "${primaryKeyName}" PRIMARY KEY (${columns})`,
  );
  for (const sequence of saved.ownedSequences)
    await queryRunner.query(
      `ALTER SEQUENCE ${sequence.name} OWNED BY "${table}"."${sequence.column}"`,
    );
  for (const statement of [
    ...saved.indexes,
    ...saved.foreignKeys.map(
      (fk) => `ALTER TABLE "${table}" ADD CONSTRAINT "${fk.name}" ${fk.definition}`,
    ),
    ...saved.functions,
    ...saved.triggers,
  ])
    await queryRunner.query(statement);
}

interface SavedDefinitions {
  indexes: string[];
  foreignKeys: { name: string; definition: string }[];
  functions: string[];
  triggers: string[];
  ownedSequences: { name: string; column: string }[];
}

async function savedDefinitions(
  queryRunner: QueryRunner,
  table: string,
): Promise<SavedDefinitions> {
  const rows = async <T>(sql: string) => (await queryRunner.query(sql, [table])) as T[];
  const incoming = await rows<{ name: string }>(
    `SELECT conname AS name FROM pg_constraint WHERE confrelid = $1::regclass AND contype = 'f'`,
  );
  if (incoming.length > 0)
    throw new Error(
      `Drop the foreign keys to ${table} before rebuilding it: ${incoming.map((r) => r.name).join(', ')}`,
    );
  const uniques = await rows<{ name: string }>(
    `SELECT i.indexrelid::regclass::text AS name FROM pg_index i
      WHERE i.indrelid = $1::regclass AND i.indisunique AND NOT i.indisprimary`,
  );
  if (uniques.length > 0)
    throw new Error(
      `Drop the unique indexes of ${table} before rebuilding it: ${uniques.map((r) => r.name).join(', ')}`,
    );
  return {
    indexes: (
      await rows<{ def: string }>(
        `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
          WHERE i.indrelid = $1::regclass AND NOT i.indisprimary ORDER BY i.indexrelid`,
      )
    ).map((r) => r.def),
    foreignKeys: await rows(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    ),
    functions: (
      await rows<{ def: string }>(
        `SELECT DISTINCT pg_get_functiondef(d.objid) AS def FROM pg_depend d
          WHERE d.classid = 'pg_proc'::regclass
            AND d.refobjid = (SELECT reltype FROM pg_class WHERE oid = $1::regclass)`,
      )
    ).map((r) => r.def),
    triggers: (
      await rows<{ def: string }>(
        `SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger
          WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`,
      )
    ).map((r) => r.def),
    ownedSequences: await rows(
      `SELECT d.objid::regclass::text AS name, a.attname AS column
         FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
        WHERE d.refobjid = $1::regclass AND d.classid = 'pg_class'::regclass AND d.deptype = 'a'`,
    ),
  };
}

/**
 * The default partition, and a partition for every month the rows fall in and for the months
 * around now, so that the rows land in their months and not in the default.
 */
async function createMonths(queryRunner: QueryRunner, table: string, old: string, column: string) {
  await queryRunner.query(`CREATE TABLE "${table}_default" PARTITION OF "${table}" DEFAULT`);
  const months = (await queryRunner.query(
    `SELECT DISTINCT month_of("${column}") AS month FROM "${old}"
     UNION SELECT month_of(now()) + m * interval '1 month' FROM generate_series(-1, 3) m`,
  )) as { month: string }[];
  for (const { month } of months)
    await queryRunner.query(`SELECT ensure_month_partition($1::regclass, $2::date)`, [
      table,
      month,
    ]);
}
