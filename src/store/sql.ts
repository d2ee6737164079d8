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

/** PostgreSQL's SQLSTATE of a failed query, as TypeORM wraps it (driverError) or as pg gives it. */
export function sqlState(error: unknown): string | undefined {
  const failed = error as { driverError?: { code?: string }; code?: string } | null;
  return failed?.driverError?.code ?? failed?.code;
}

/**
 * Holds a lock on a name until the transaction ends: what is done under one name is done one
 * transaction at a time, across every server of the database.
 */
export async function lockName(manager: EntityManager, name: string): Promise<void> {
  await preparedQuery(manager, 'SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}

/** Whether a query failed on a unique index (PostgreSQL 23505): someone else got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/**
 * Writes sent as one statement: inserts of entities (columns from the entity's metadata; a
 * property left undefined takes the column's default) and other data-modifying statements as
 * WITH clauses, ending with a main statement. A step's new tasks, jobs, history, its closing
 * task and its instance's new state reach PostgreSQL in one round trip, as named prepared
 * statements, without the CPU TypeORM's insert builder spends. The parts must not touch each
 * other's rows: they see the same snapshot.
 */
export class WriteBatch {
  private readonly values: unknown[] = [];
  private readonly parts: string[] = [];
  /** The part whose rows `run` answers with, when one is marked (see `returning`). */
  private returned?: number;

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
    this.parts.push(
      `INSERT INTO ${metadata.tableName} (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
       VALUES ${tuples.join(', ')}`,
    );
    return this;
  }

  /** A data-modifying statement (built with this batch's parameters); returns its part's name. */
  part(sql: string): string {
    return `w${this.parts.push(sql) - 1}`;
  }

  /**
   * A data-modifying statement with RETURNING (built with this batch's parameters) whose rows
   * `run` answers with: one per batch.
   */
  returning(sql: string): this {
    if (this.returned !== undefined) throw new Error('A write batch returns the rows of one part');
    this.returned = this.parts.push(sql) - 1;
    return this;
  }

  /**
   * Sends the parts, then `main` (built with this batch's parameters) in the same statement.
   * Answers with the rows of the part marked `returning`, if one is.
   */
  async run(manager: EntityManager, main?: string): Promise<Record<string, unknown>[]> {
    const parts = main ? [...this.parts, main] : [...this.parts];
    if (parts.length === 0) return [];
    const last = this.returned === undefined ? parts.pop()! : `SELECT * FROM w${this.returned}`;
    const withs = parts.map((sql, k) => `w${k} AS (${sql})`);
    return preparedQuery(
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
  return new WriteBatch()
    .insert(manager, target, entities)
    .run(manager)
    .then(() => undefined);
}
