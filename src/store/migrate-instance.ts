import type { EntityManager } from 'typeorm';
import { planMigration } from '../engine/migration';
import type { ElementMapping, MigrationRefusal } from '../engine/migration-refusals';
import type { MigratedJob, MigratedTask } from '../engine/migration';
import type { Token } from '../engine/types';
import { officeCalendar } from './calendars';
import { notFound } from '../errors';
import { definitionById } from './definitions';
import type { ProcessDefinitionEntity, ProcessInstanceEntity } from './entities';
import { deadlineColumns, lockInstanceIfAny } from './pipeline/instance-rows';
import { writeStep } from './pipeline/step-instance';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/** What moving instances from one version to another needs, the same for each instance. */
export interface VersionMove {
  source: ProcessDefinitionEntity;
  target: ProcessDefinitionEntity;
  mapping: ElementMapping;
  actor: string;
  /** The history's reason: the administrator's, with the versions named. */
  reason: string;
  now: Date;
}

export type InstanceMoveOutcome =
  | { outcome: 'MIGRATED' }
  | { outcome: 'REFUSED'; refusals: MigrationRefusal[] }
  /** No longer on the source version, no longer running, or gone: someone else moved or ended it. */
  | { outcome: 'SKIPPED' };

/**
 * Moves one instance to the target version, in its own transaction under its lock (the one every
 * step takes): its state re-pointed, its waits opened again from the target, its open tasks kept
 * with their ids and holders but described by the target's elements, and its completed steps
 * counted under the version it now runs. A refusal writes nothing.
 */
export function migrateInstance(
  store: Store,
  instanceId: string,
  move: VersionMove,
): Promise<InstanceMoveOutcome> {
  return store.transaction(async (tx) => {
    const { manager } = tx;
    const locked = await lockInstanceIfAny(manager, instanceId);
    if (!locked) return { outcome: 'SKIPPED' };
    const { instance, calendarKey } = locked;
    if (instance.definitionId !== move.source.id || instance.status !== 'ACTIVE') {
      return { outcome: 'SKIPPED' };
    }
    const calendar = (await officeCalendar(manager, calendarKey)).forAgency(instance.agency);
    const planned = planMigration({
      source: move.source.model,
      target: move.target.model,
      mapping: move.mapping,
      state: instance.state,
      now: move.now.toISOString(),
      calendar,
      enteredAt: await tasksEntered(manager, instanceId, instance.state.tokens),
      actor: move.actor,
      reason: move.reason,
    });
    if (!planned.migrated) return { outcome: 'REFUSED', refusals: planned.refusals };
    instance.state = planned.state;
    instance.revision += 1;
    Object.assign(instance, deadlineColumns(planned.state));
    await writeStep(manager, { instance, effects: planned.effects, calendar, now: move.now }, true);
    await repointRows(manager, instanceId, move, planned.tasks);
    await repointJobs(manager, instanceId, planned.jobs);
    return { outcome: 'MIGRATED' };
  });
}

/**
 * When each waiting token's step began, so that its timers count from there as they did before:
 * its open task's creation, else the last time its element was entered: the history's, by the
 * element's id, or, when an earlier migration renamed the element (the history has only the old
 * id), the entry that migration wrote on the token, whichever is later.
 */
async function tasksEntered(
  manager: EntityManager,
  instanceId: string,
  tokens: readonly Pick<Token, 'id' | 'elementId' | 'migratedEntry'>[],
): Promise<Record<number, string>> {
  const [row] = await preparedQuery<{
    tasks: Record<string, string>;
    entered: Record<string, string>;
  }>(
    manager,
    `SELECT (SELECT coalesce(jsonb_object_agg(wait_id, created_at), '{}') FROM task
              WHERE instance_id = $1 AND state IN ('OPEN', 'CLAIMED')) AS tasks,
            (SELECT coalesce(jsonb_object_agg(element_id, at), '{}') FROM (
               SELECT element_id, max(at) AS at FROM history_event
                WHERE instance_id = $1 AND event_type = 'ELEMENT_ACTIVATED' GROUP BY element_id) h)
              AS entered`,
    [instanceId],
  );
  const at = (text: string | undefined) => (text ? new Date(text).toISOString() : undefined);
  const entered: Record<number, string> = {};
  for (const token of tokens) {
    const migrated =
      token.migratedEntry?.elementId === token.elementId ? token.migratedEntry.since : undefined;
    const since = at(row.tasks[token.id]) ?? later(at(row.entered[token.elementId]), at(migrated));
    if (since) entered[token.id] = since;
  }
  return entered;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  return a && b ? (a > b ? a : b) : (a ?? b);
}

/**
 * The rows that name the version or an element: the instance's and its dossier's version; the
 * open tasks (ids, holders and claims kept); and the step rollup, whose counts of this
 * instance's completed steps go from the source version to the target (the consistency check
 * counts steps under the version their instance runs).
 */
async function repointRows(
  manager: EntityManager,
  instanceId: string,
  move: VersionMove,
  tasks: readonly MigratedTask[],
): Promise<void> {
  const ids = [instanceId, move.target.id];
  await preparedQuery(manager, 'UPDATE process_instance SET definition_id = $2 WHERE id = $1', ids);
  await preparedQuery(manager, 'UPDATE dossier SET definition_id = $2 WHERE instance_id = $1', ids);
  await preparedQuery(
    manager,
    `UPDATE task t SET element_id = m.element_id, name = m.name,
            candidate_groups = COALESCE(m.candidate_groups, t.candidate_groups),
            form_key = m.form_key, needs_signature = m.signature, due_at = m.due_at,
            overdue = m.overdue
       FROM jsonb_to_recordset($2::jsonb) AS m(wait_id int, element_id text, name text,
            candidate_groups text[], form_key text, signature boolean, due_at timestamptz,
            overdue boolean)
      WHERE t.instance_id = $1 AND t.wait_id = m.wait_id AND t.state IN ('OPEN', 'CLAIMED')`,
    [instanceId, JSON.stringify(tasks.map(taskRow))],
  );
  await preparedQuery(
    manager,
    `INSERT INTO step_rollup AS r (definition_id, element_id, day, bucket, shard, completed,
                                   overdue, working_minutes)
     SELECT v.definition_id, t.element_id, (t.ended_at AT TIME ZONE office_time_zone())::date,
            duration_bucket(COALESCE(t.working_minutes, 0)), pg_backend_pid() % 8,
            sum(v.sign)::int,
            sum(v.sign * (t.due_at IS NOT NULL AND t.ended_at > t.due_at)::int)::int,
            sum(v.sign * COALESCE(t.working_minutes, 0))::bigint
       FROM task t, (VALUES ($2::uuid, -1), ($3::uuid, 1)) AS v(definition_id, sign)
      WHERE t.instance_id = $1 AND t.state = 'COMPLETED'
      GROUP BY 1, 2, 3, 4
     ON CONFLICT (definition_id, element_id, day, bucket, shard) DO UPDATE
       SET completed = r.completed + EXCLUDED.completed, overdue = r.overdue + EXCLUDED.overdue,
           working_minutes = r.working_minutes + EXCLUDED.working_minutes`,
    [instanceId, move.source.id, move.target.id],
  );
}

/**
 * The jobs the tokens wait for (keyed by the token: the instance and wait id) and their open
 * incidents: a service task's goes to the target's element and job type, so the target's
 * handler or worker takes it; a continuation's to the target's element.
 */
async function repointJobs(
  manager: EntityManager,
  instanceId: string,
  jobs: readonly MigratedJob[],
): Promise<void> {
  const rows = JSON.stringify(
    jobs.map((j) => ({ wait_id: j.waitId, element_id: j.elementId, job_type: j.jobType })),
  );
  await preparedQuery(
    manager,
    `WITH moved AS (
       UPDATE job j SET element_id = m.element_id,
              type = CASE WHEN j.kind = 'task' THEN COALESCE(m.job_type, j.type) ELSE j.type END
         FROM jsonb_to_recordset($2::jsonb) AS m(wait_id int, element_id text, job_type text)
        WHERE j.instance_id = $1 AND j.wait_id = m.wait_id AND j.kind IN ('task', 'continue')
       RETURNING j.id, j.kind, j.type, j.element_id)
     UPDATE incident i SET element_id = moved.element_id,
            job_type = CASE WHEN moved.kind = 'task' THEN moved.type ELSE i.job_type END
       FROM moved WHERE i.job_id = moved.id AND i.status = 'OPEN'`,
    [instanceId, rows],
  );
}

function taskRow(task: MigratedTask): Record<string, unknown> {
  return {
    wait_id: task.waitId,
    element_id: task.elementId,
    name: task.name,
    candidate_groups: task.candidateGroups ?? null,
    form_key: task.formKey,
    signature: task.signature,
    due_at: task.dueAt,
    overdue: task.overdue,
  };
}

/** A running instance of a version, as a migration reads it: a page at a time, by id. */
export interface RunningInstance {
  id: string;
  businessKey: string | null;
  /** Whose working calendar its timers count by. */
  agency: string | null;
  state: ProcessInstanceEntity['state'];
}

/**
 * The running instances of a version after `afterId` (by id), `limit` of them: the pages of a
 * dry run or a migration. An instance moved meanwhile is no longer listed, so a migration run
 * again after a crash picks up where it stopped.
 */
export async function runningInstancesOf(
  store: Store,
  definitionId: string,
  afterId: string | null,
  limit: number,
): Promise<RunningInstance[]> {
  const rows = await preparedQuery<{
    id: string;
    business_key: string | null;
    agency: string | null;
    state: ProcessInstanceEntity['state'];
  }>(
    store.manager,
    `SELECT id, business_key, agency, state FROM process_instance
      WHERE definition_id = $1 AND status = 'ACTIVE' AND ($2::uuid IS NULL OR id > $2::uuid)
      ORDER BY id LIMIT $3`,
    [definitionId, afterId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    businessKey: row.business_key,
    agency: row.agency,
    state: row.state,
  }));
}

/** One version of a procedure, by key and version number. */
export async function definitionVersion(
  store: Store,
  key: string,
  version: number,
  field: string,
): Promise<ProcessDefinitionEntity> {
  const [row] = await preparedQuery<{ id: string }>(
    store.manager,
    'SELECT id FROM process_definition WHERE key = $1 AND version = $2',
    [key, version],
  );
  if (!row) throw notFound('Process definition', `${key} v${version}`, { key, field });
  return definitionById(store, row.id);
}
