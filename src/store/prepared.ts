import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

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
 * Runs a statement of the step path as a named prepared statement on the transaction's own
 * connection: PostgreSQL parses and plans it once per connection instead of on every step (what
 * pgbench's `-M prepared` does). Outside a transaction it runs as a plain query. Returns the
 * rows (for UPDATE … RETURNING too).
 */
export async function preparedQuery<T = Record<string, unknown>>(
  manager: EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    const result: unknown = await manager.query(text, [...values]);
    return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
  }
  const client = (await runner.connect()) as PoolClient;
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
