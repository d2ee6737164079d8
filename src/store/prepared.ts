import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const MAX_PREPARED_TEXT = 4000;

/** Statement names by text: each text is prepared once per connection, then only bound. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tthc_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement of a hot path (every step, every request) as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of each time (what pgbench's
 * `-M prepared` does). In a transaction it runs on the transaction's connection, else on any
 * connection of the pool. Returns the rows (for UPDATE … RETURNING too).
 */
export async function preparedQuery<T = Record<string, unknown>>(
  manager: EntityManager | DataSource,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = 'queryRunner' in manager ? manager.queryRunner : undefined;
  const client: PoolClient | Pool = runner?.isTransactionActive
    ? ((await runner.connect()) as PoolClient)
    : ((manager instanceof DataSource ? manager : manager.connection).driver as PostgresDriver)
        .master;
  try {
    // Long texts (a multi-instance step's many rows) are rare: not worth a statement each.
    const result =
      text.length <= MAX_PREPARED_TEXT
        ? await client.query({ name: nameOf(text), text, values: [...values] })
        : await client.query(text, [...values]);
    return result.rows as T[];
  } catch (error) {
    // As TypeORM's own queries fail, so callers read one shape (driverError.code).
    throw new QueryFailedError(text, [...values], error as Error);
  }
}
