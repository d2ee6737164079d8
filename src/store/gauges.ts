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

/** How the database answered a probe: in time, too late, or with an error (not reachable). */
export interface DatabaseProbe {
  state: 'ok' | 'slow' | 'down';
  /** How long the answer took, or the deadline when none came. */
  ms: number;
  /** What went wrong when down: PostgreSQL's SQLSTATE or the connection's error code. */
  error?: string;
}

/**
 * Asks the database the simplest question within `deadlineMs`: a dead database refuses or breaks
 * the connection at once (down); a busy one, or a pool with no connection free, answers late
 * (slow). The question is not cancelled: a late answer just goes unread.
 */
export async function probeDatabase(store: Store, deadlineMs: number): Promise<DatabaseProbe> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DatabaseProbe>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'slow', ms: deadlineMs }), deadlineMs);
  });
  const answer = preparedQuery(store.manager, 'SELECT 1', []).then(
    (): DatabaseProbe => ({ state: 'ok', ms: elapsed() }),
    (error: unknown): DatabaseProbe => ({ state: 'down', ms: elapsed(), error: errorCode(error) }),
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

function errorCode(error: unknown): string {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' ? code : 'UNKNOWN';
}
