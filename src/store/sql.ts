import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { preparedQuery } from './prepared';

/**
 * Runs an UPDATE or DELETE with RETURNING. TypeORM's PostgreSQL driver answers such statements
 * with `[rows, affectedCount]` rather than the rows: this gives the rows.
 */
export async function queryReturning<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** Whether a query failed on a unique index (PostgreSQL 23505): someone else got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === '23505';
}

/**
 * Inserts entities with one plain statement, values bound as parameters, columns from the
 * entity's metadata (a property left undefined takes the column's default): a step's tasks,
 * jobs and history, written on every step, without the CPU TypeORM's insert builder spends.
 */
export async function insertEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entities: readonly Partial<T>[],
): Promise<void> {
  if (entities.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter(
    (column) => column.isInsert && entities.some((e) => e[column.propertyName] !== undefined),
  );
  const values: unknown[] = [];
  const tuples = entities.map((entity) => {
    const cells = columns.map((column) => {
      const value: unknown = entity[column.propertyName];
      if (value === undefined) return 'DEFAULT';
      values.push(column.type === 'jsonb' && value !== null ? JSON.stringify(value) : value);
      return `$${values.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  await preparedQuery(
    manager,
    `INSERT INTO ${metadata.tableName} (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
     VALUES ${tuples.join(', ')}`,
    values,
  );
}
