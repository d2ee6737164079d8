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
 * Writes sent as one statement: inserts of entities (columns from the entity's metadata; a
 * property left undefined takes the column's default) as data-modifying WITH clauses, ending
 * with a main statement. A step's new tasks, jobs, history and its instance's new state reach
 * PostgreSQL in one round trip, as named prepared statements, without the CPU TypeORM's insert
 * builder spends. The parts must not depend on each other's rows: they see the same snapshot.
 */
export class WriteBatch {
  private readonly values: unknown[] = [];
  private readonly inserts: string[] = [];

  /** A value as a parameter of the statement; returns its placeholder. */
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  insert<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
    entities: readonly Partial<T>[],
  ): this {
    if (entities.length === 0) return this;
    const metadata = manager.connection.getMetadata(target);
    const columns = metadata.columns.filter(
      (column) => column.isInsert && entities.some((e) => e[column.propertyName] !== undefined),
    );
    const tuples = entities.map((entity) => {
      const cells = columns.map((column) => {
        const value: unknown = entity[column.propertyName];
        if (value === undefined) return 'DEFAULT';
        return this.param(
          column.type === 'jsonb' && value !== null ? JSON.stringify(value) : value,
        );
      });
      return `(${cells.join(', ')})`;
    });
    this.inserts.push(
      `INSERT INTO ${metadata.tableName} (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
       VALUES ${tuples.join(', ')}`,
    );
    return this;
  }

  get empty(): boolean {
    return this.inserts.length === 0;
  }

  /** Sends the inserts, then `main` (built with this batch's parameters) in the same statement. */
  async run(manager: EntityManager, main?: string): Promise<void> {
    const parts = main
      ? [...this.inserts.map((sql) => ({ sql })), { sql: main }]
      : this.inserts.map((sql) => ({ sql }));
    if (parts.length === 0) return;
    const last = parts.pop()!.sql;
    const withs = parts.map((part, k) => `w${k} AS (${part.sql})`);
    await preparedQuery(
      manager,
      withs.length > 0 ? `WITH ${withs.join(', ')} ${last}` : last,
      this.values,
    );
  }
}

/** Inserts entities with one plain statement (see WriteBatch). */
export function insertEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entities: readonly Partial<T>[],
): Promise<void> {
  return new WriteBatch().insert(manager, target, entities).run(manager);
}
