import type { EntityManager } from 'typeorm';

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
