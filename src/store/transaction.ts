import type { DataSource, EntityManager } from 'typeorm';
import { sqlState } from './sql';

/** PostgreSQL's codes for a transaction that lost a race: a deadlock, a serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Runs `work` in one transaction, and again (up to three times in all) when PostgreSQL aborts it
 * for a deadlock: two steps that lock the same instances in opposite order (a child completing
 * while its parent cancels it) are then both done, one after the other. Nothing of an aborted
 * attempt remains, so running it again is safe.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const code = sqlState(error);
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}
