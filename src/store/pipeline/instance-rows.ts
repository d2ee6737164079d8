import type { EntityManager } from 'typeorm';
import type { InstanceState } from '../../engine/types';
import { notFound } from '../../errors';
import { CALENDAR_KEY } from '../calendars';
import { ProcessInstanceEntity } from '../entities';
import { preparedQuery } from '../prepared';
import { entityFromRow } from '../rows';
import type { WriteBatch } from '../sql';

/** An instance locked for a step, with what was read with it. */
export interface LockedInstance {
  instance: ProcessInstanceEntity;
  /** The calendar files' hashes as they were at the lock (see officeCalendar); unknown for an instance created in this transaction. */
  calendarKey?: string;
}

/**
 * Loads an instance and holds its row lock until the transaction ends: one step at a time.
 * The lock order of every unit of work: the instance first, then its rows (tasks, jobs,
 * incidents), then other instances in the order the steps address them.
 */
export async function lockInstance(manager: EntityManager, id: string): Promise<LockedInstance> {
  const locked = await lockWhere(manager, 'i.id = $1', id);
  if (!locked) throw notFound('Process instance', id, { instanceId: id });
  return locked;
}

/** Locks an instance; null when there is none (deleted meanwhile). */
export function lockInstanceIfAny(
  manager: EntityManager,
  id: string,
): Promise<LockedInstance | null> {
  return lockWhere(manager, 'i.id = $1', id);
}

/** Locks the instance a task belongs to; null when there is no such task. */
export function lockInstanceOfTask(
  manager: EntityManager,
  taskId: string,
): Promise<LockedInstance | null> {
  return lockWhere(manager, 'i.id = (SELECT t.instance_id FROM task t WHERE t.id = $1)', taskId);
}

/** One round trip: the instance, locked, and the calendar's hashes the step will need. */
async function lockWhere(
  manager: EntityManager,
  where: string,
  id: string,
): Promise<LockedInstance | null> {
  const [row] = await preparedQuery<Record<string, unknown> & { calendar_key: string }>(
    manager,
    `SELECT i.*, ${CALENDAR_KEY} AS calendar_key FROM process_instance i
      WHERE ${where} FOR UPDATE OF i`,
    [id],
  );
  if (!row) return null;
  return {
    instance: entityFromRow(manager, ProcessInstanceEntity, row),
    calendarKey: row.calendar_key,
  };
}

/** A new instance's row. Plain SQL: TypeORM's deep-partial typing does not end on the JSON state. */
export async function insertInstance(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
): Promise<void> {
  await preparedQuery(
    manager,
    `INSERT INTO process_instance
       (id, definition_id, business_key, status, state, started_at, ended_at, revision, parent_instance_id, parent_wait_id,
        due_at, overdue, clock_paused_at, agency)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      instance.id,
      instance.definitionId,
      instance.businessKey,
      instance.status,
      JSON.stringify(instance.state),
      instance.startedAt,
      instance.endedAt,
      instance.revision,
      instance.parentInstanceId,
      instance.parentWaitId,
      instance.dueAt,
      instance.overdue,
      instance.clockPausedAt,
      instance.agency,
    ],
  );
}

/** The statement that saves an instance's new state, built with a batch's parameters. */
export function saveInstance(instance: ProcessInstanceEntity): (batch: WriteBatch) => string {
  return (batch) =>
    `UPDATE process_instance SET state = ${batch.param(JSON.stringify(instance.state))},
            status = ${batch.param(instance.status)}, revision = ${batch.param(instance.revision)},
            ended_at = ${batch.param(instance.endedAt)}, due_at = ${batch.param(instance.dueAt)},
            overdue = ${batch.param(instance.overdue)},
            clock_paused_at = ${batch.param(instance.clockPausedAt)}
      WHERE id = ${batch.param(instance.id)}`;
}

/** The deadline as columns, for queries: the appointment, overdue, and a paused clock. */
export function deadlineColumns(
  state: InstanceState,
): Pick<ProcessInstanceEntity, 'dueAt' | 'overdue' | 'clockPausedAt'> {
  return {
    dueAt: state.deadline ? new Date(state.deadline.dueAt) : null,
    overdue: state.deadline?.overdue === true,
    clockPausedAt: state.clock?.pausedAt ? new Date(state.clock.pausedAt) : null,
  };
}
