import { preparedQuery } from '../prepared';
import type { Store } from '../store';

type Period = { definitionId: string; from: string; to: string };

/** The steps of a process version completed in a period, from the step rollup. */
export function stepsCompleted(store: Store, { definitionId, from, to }: Period) {
  return preparedQuery<{ element_id: string; completed: number; overdue: number; minutes: string }>(
    store.manager,
    `SELECT element_id, sum(completed)::int AS completed, sum(overdue)::int AS overdue,
            sum(working_minutes)::bigint AS minutes
       FROM step_rollup
      WHERE definition_id = $1 AND day BETWEEN $2::date AND $3::date
      GROUP BY element_id`,
    [definitionId, from, to],
  );
}

/** The 90th percentile of each step's working time in a period, as its bucket's upper bound. */
export function stepsP90(store: Store, { definitionId, from, to }: Period) {
  return preparedQuery<{ element_id: string; p90: number }>(
    store.manager,
    `SELECT DISTINCT ON (element_id) element_id, duration_bucket_upper(bucket) AS p90
       FROM (SELECT *, sum(n) OVER (PARTITION BY element_id ORDER BY bucket) AS running,
                    sum(n) OVER (PARTITION BY element_id) AS total
               FROM (SELECT element_id, bucket, sum(completed) AS n FROM step_rollup
                      WHERE definition_id = $1 AND day BETWEEN $2::date AND $3::date
                      GROUP BY element_id, bucket) AS grouped) AS counted
      WHERE total > 0 AND running >= 0.9 * total
      ORDER BY element_id, bucket`,
    [definitionId, from, to],
  );
}

/** The tasks of a process version open now, by step, and how many are overdue. */
export function stepsWaiting(store: Store, definitionId: string, now: Date) {
  return preparedQuery<{ element_id: string; waiting: number; overdue: number }>(
    store.manager,
    `SELECT t.element_id, count(*)::int AS waiting,
            count(*) FILTER (WHERE t.overdue OR t.due_at < $2)::int AS overdue
       FROM task t JOIN process_instance i ON i.id = t.instance_id
      WHERE i.definition_id = $1 AND t.state IN ('OPEN', 'CLAIMED')
      GROUP BY t.element_id`,
    [definitionId, now],
  );
}
