import type { Store } from './store';
import { moveOf } from '../dossier/life-cycle/machine';
import { DossierRollupEntity } from './entities';

/** The statuses a running process's dossier may be in (see the dossier's machine). */
const OPEN = moveOf('RESULT_READY').from;
const PROCESSED = moveOf('RESULT_READY').to;
/** The day before which the live tables hold nothing: earlier years are in the archive. */
const LIVE_FROM = `COALESCE((SELECT before FROM archive.cutoff), '-infinity'::date)`;

/** One thing that does not agree with the rest: which check found it, where, and what. */
export interface Inconsistency {
  check: string;
  /** The process instance, or the dossier code, or the rollup row it concerns. */
  subject: string;
  detail: string;
}

export interface ConsistencyReport {
  instancesChecked: number;
  dossiersChecked: number;
  problems: Inconsistency[];
}

/**
 * The checks: each a query listing what disagrees. An instance's state (the engine's truth) must
 * agree with the rows the store keeps for it — its open tasks, its timers' jobs, its message
 * waits, its children — and a dossier's status with its process; the rollups with the dossiers
 * and tasks they count. Each row is `subject` and `detail`.
 */
/** The checks that need no more than the schema, as a table: a name and the query finding breaches. */
const CHECKS: { name: string; sql: string }[] = [
  {
    // A task open in the inbox must be a token waiting in an active instance.
    name: 'task-without-token',
    sql: `SELECT t.instance_id::text AS subject,
                 'task ' || t.id || ' (' || t.element_id || ') is ' || t.state ||
                 ' but its instance is ' || i.status || ' with no token ' || t.wait_id AS detail
            FROM task t JOIN process_instance i ON i.id = t.instance_id
           WHERE t.state IN ('OPEN', 'CLAIMED')
             AND (i.status <> 'ACTIVE' OR NOT EXISTS (
                   SELECT 1 FROM jsonb_array_elements(i.state->'tokens') k
                    WHERE (k->>'id')::int = t.wait_id))`,
  },
  {
    // A token waiting at a user task (not before it, for an async continuation) has its task.
    name: 'token-without-task',
    sql: `SELECT i.id::text AS subject,
                 'token ' || (k->>'id') || ' waits at user task ' || (k->>'elementId') ||
                 ' with no open task' AS detail
            FROM process_instance i
            JOIN process_definition d ON d.id = i.definition_id,
                 jsonb_array_elements(i.state->'tokens') k
           WHERE i.status = 'ACTIVE'
             AND d.model->'nodes'->(k->>'elementId')->>'type' = 'userTask'
             AND k->'continuation' IS NULL
             AND NOT EXISTS (SELECT 1 FROM task t WHERE t.instance_id = i.id
                              AND t.wait_id = (k->>'id')::int AND t.state IN ('OPEN', 'CLAIMED'))`,
  },
  {
    // Every timer the engine waits for has its job (fired once: then both are gone).
    name: 'timer-without-job',
    sql: `SELECT i.id::text AS subject,
                 'timer ' || (s->>'id') || ' at ' || (s->>'elementId') || ' has no job' AS detail
            FROM process_instance i, jsonb_array_elements(i.state->'subscriptions') s
           WHERE i.status = 'ACTIVE' AND s->>'kind' = 'timer'
             AND NOT EXISTS (SELECT 1 FROM job j WHERE j.instance_id = i.id
                              AND j.kind = 'timer' AND j.wait_id = (s->>'id')::int)`,
  },
  {
    name: 'job-without-timer',
    sql: `SELECT j.instance_id::text AS subject,
                 'timer job ' || j.id || ' at ' || j.element_id || ' waits for nothing' AS detail
            FROM job j JOIN process_instance i ON i.id = j.instance_id
           WHERE j.kind = 'timer'
             AND (i.status <> 'ACTIVE' OR NOT EXISTS (
                   SELECT 1 FROM jsonb_array_elements(i.state->'subscriptions') s
                    WHERE s->>'kind' = 'timer' AND (s->>'id')::int = j.wait_id))`,
  },
  {
    // Message waits: the engine's and the store's (which correlation looks up) are the same.
    name: 'message-wait-missing',
    sql: `SELECT i.id::text AS subject,
                 (s->>'kind') || ' wait ' || (s->>'id') || ' for ' ||
                 coalesce(s->>'messageName', s->>'signalName') ||
                 ' has no subscription row' AS detail
            FROM process_instance i, jsonb_array_elements(i.state->'subscriptions') s
           WHERE i.status = 'ACTIVE' AND s->>'kind' IN ('message', 'signal')
             AND NOT EXISTS (SELECT 1 FROM message_subscription m WHERE m.instance_id = i.id
                              AND m.subscription_id = (s->>'id')::int)`,
  },
  {
    name: 'message-row-stale',
    sql: `SELECT m.instance_id::text AS subject,
                 'subscription row for ' || m.message_name || ' waits for nothing' AS detail
            FROM message_subscription m JOIN process_instance i ON i.id = m.instance_id
           WHERE i.status <> 'ACTIVE' OR NOT EXISTS (
                   SELECT 1 FROM jsonb_array_elements(i.state->'subscriptions') s
                    WHERE s->>'kind' = m.kind AND (s->>'id')::int = m.subscription_id)`,
  },
  {
    // A finished instance leaves no child running.
    name: 'orphan-child',
    sql: `SELECT c.id::text AS subject,
                 'running child of ' || p.id || ', which is ' || p.status AS detail
            FROM process_instance c JOIN process_instance p ON p.id = c.parent_instance_id
           WHERE c.status = 'ACTIVE' AND p.status <> 'ACTIVE'`,
  },
  {
    // A dossier in progress (received, in progress, waiting for papers or fees) has a running
    // process, and a running process a dossier in progress — or one whose result has reached
    // the desk while its process waits for the return (processed, resultReadyAt set).
    name: 'dossier-status',
    sql: `SELECT d.code AS subject,
                 'status ' || d.status_code || ' but its process is ' || i.status AS detail
            FROM dossier d JOIN process_instance i ON i.id = d.instance_id
           WHERE (d.status_code IN (${OPEN.join(', ')}) AND i.status <> 'ACTIVE')
              OR (i.status = 'ACTIVE' AND d.status_code NOT IN (${OPEN.join(', ')})
                  AND NOT (d.status_code = ${PROCESSED} AND i.state ? 'resultReadyAt'))`,
  },
  {
    // A dossier's forms, payments, feedback and papers have their dossier: no foreign key holds them
    // to it, as the dossier's key holds its month (see the MonthlyPartitions migration).
    name: 'dossier-record-orphan',
    sql: `SELECT r.dossier_code AS subject, 'a ' || r.kind || ' of no dossier' AS detail
            FROM (SELECT dossier_code, 'form' AS kind FROM dossier_form
                  UNION ALL SELECT dossier_code, 'payment' FROM dossier_payment
                  UNION ALL SELECT dossier_code, 'feedback' FROM dossier_feedback
                  UNION ALL SELECT dossier_code, 'paper' FROM dossier_paper) r
           WHERE NOT EXISTS (SELECT 1 FROM dossier d WHERE d.code = r.dossier_code)
             AND NOT EXISTS (SELECT 1 FROM archive.dossier d WHERE d.code = r.dossier_code)`,
  },
  {
    // Each completed step is counted once in the step rollup (its shards summed), under its
    // version and day.
    name: 'step-rollup',
    sql: `WITH expected AS (
            SELECT i.definition_id, t.element_id,
                   (t.ended_at AT TIME ZONE office_time_zone())::date AS day,
                   duration_bucket(COALESCE(t.working_minutes, 0)) AS bucket, count(*)::int AS completed
              FROM task t JOIN process_instance i ON i.id = t.instance_id
             WHERE t.state = 'COMPLETED' GROUP BY 1, 2, 3, 4)
          SELECT concat_ws('/', definition_id, element_id, day, bucket) AS subject,
                 'kept ' || COALESCE(r.completed, 0) || ', counted ' || COALESCE(e.completed, 0) AS detail
            FROM expected e
                 FULL JOIN (SELECT definition_id, element_id, day, bucket, sum(completed) AS completed
                              FROM step_rollup GROUP BY 1, 2, 3, 4) r
                 USING (definition_id, element_id, day, bucket)
           WHERE COALESCE(r.completed, 0) <> COALESCE(e.completed, 0)
             -- Archived years' steps are counted, and no longer here to count.
             AND day >= ${LIVE_FROM}`,
  },
];

/** The dossier rollup against what its dossiers count for, over the rollup's measures. */
function rollupCheck(measures: readonly string[]): { name: string; sql: string } {
  return {
    // Each rollup row holds exactly what its dossiers count for (see dossier_measures).
    name: 'dossier-rollup',
    sql: `WITH expected AS (
            SELECT g.grain, s.span,
                   CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END AS day,
                   m.agency_code,
                   CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END AS procedure_key,
                   CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END AS field,
                   CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END AS channel,
                   CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END AS officer,
                   ${measures.map((name) => `sum(m.${name}) AS ${name}`).join(', ')}
              FROM dossier d, LATERAL dossier_measures(d) m,
                   (VALUES ('agency'), ('officer'), ('procedure')) AS g(grain),
                   (VALUES ('day'), ('month')) AS s(span)
             GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
          SELECT concat_ws('/', grain, span, day, agency_code, procedure_key, channel, officer) AS subject,
                 'kept (' || concat_ws(', ', ${measures.map((n) => `COALESCE(r.${n}, 0)`).join(', ')}) ||
                 ') counted (' || concat_ws(', ', ${measures.map((n) => `COALESCE(e.${n}, 0)`).join(', ')}) || ')' AS detail
            FROM expected e FULL JOIN dossier_rollup r
                 USING (grain, span, day, agency_code, procedure_key, field, channel, officer)
           WHERE (${measures.map((n) => `COALESCE(r.${n}, 0)`).join(', ')})
                 IS DISTINCT FROM (${measures.map((n) => `COALESCE(e.${n}, 0)`).join(', ')})
             -- Archived years' dossiers are counted, and no longer here to count.
             AND day >= ${LIVE_FROM}`,
  };
}

/**
 * Checks that every instance, dossier and rollup agrees with itself (see `checks`): what a crash,
 * a bug or a hand-edited row would leave behind. Reads only, in one snapshot.
 */
export async function checkConsistency(store: Store): Promise<ConsistencyReport> {
  return store.manager.transaction('REPEATABLE READ', async (manager) => {
    const problems: Inconsistency[] = [];
    // The rollup's measures, as its entity lists them: a measure added later is checked too.
    const measures = manager.connection
      .getMetadata(DossierRollupEntity)
      .columns.filter((column) => !column.isPrimary)
      .map((column) => column.databaseName);
    for (const check of [...CHECKS, rollupCheck(measures)]) {
      const rows = (await manager.query(check.sql)) as { subject: string; detail: string }[];
      problems.push(...rows.map((row) => ({ check: check.name, ...row })));
    }
    const [counts] = (await manager.query(
      `SELECT (SELECT count(*) FROM process_instance)::int AS instances,
              (SELECT count(*) FROM dossier)::int AS dossiers`,
    )) as { instances: number; dossiers: number }[];
    return { instancesChecked: counts.instances, dossiersChecked: counts.dossiers, problems };
  });
}
