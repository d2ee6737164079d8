import { preparedQuery } from './prepared';
import type { Store } from './store';

/** How many months ahead the partitions of dossiers and history exist. */
export const MONTHS_AHEAD = 3;

/**
 * Makes the partitions of last month, this one and the next `MONTHS_AHEAD`, for every table
 * partitioned by month, and moves into them any rows the default partition took. Idempotent, and
 * one server at a time: the job runner calls it each day. Returns how many it made.
 */
export async function ensureMonthPartitions(store: Store): Promise<number> {
  return store.transaction(async (tx) => {
    const [row] = await preparedQuery<{ made: number }>(
      tx.manager,
      'SELECT ensure_month_partitions($1) AS made',
      [MONTHS_AHEAD],
    );
    return row.made;
  });
}
