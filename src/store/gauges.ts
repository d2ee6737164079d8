import { preparedQuery } from './prepared';
import type { Store } from './store';

/** The gauges an operator watches, read when /metrics is scraped. */
export async function operationalGauges(
  store: Store,
  now: Date,
): Promise<{ openTasks: number; openIncidents: number; jobLagSeconds: number }> {
  const [row] = await preparedQuery<{ tasks: number; incidents: number; lag: number }>(
    store.manager,
    `SELECT (SELECT count(*) FROM task WHERE state IN ('OPEN', 'CLAIMED'))::int AS tasks,
            (SELECT count(*) FROM incident WHERE status = 'OPEN')::int AS incidents,
            (SELECT COALESCE(EXTRACT(EPOCH FROM $1 - min(due_at)), 0) FROM job
              WHERE due_at <= $1 AND retries > 0
                AND (locked_until IS NULL OR locked_until < $1))::float AS lag`,
    [now],
  );
  return {
    openTasks: row.tasks,
    openIncidents: row.incidents,
    jobLagSeconds: Math.max(0, row.lag),
  };
}

/** Whether the database answers: the health check's question. */
export async function databaseAnswers(store: Store): Promise<boolean> {
  try {
    await preparedQuery(store.manager, 'SELECT 1', []);
    return true;
  } catch {
    return false;
  }
}
