import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { HistoryEventEntity, JobEntity, MessageSubscriptionEntity, TaskEntity } from '../entities';
import { WriteBatch } from '../sql';
import type { NewRow, Write } from './plan/write-plan';

const ENTITIES = {
  task: TaskEntity,
  message_subscription: MessageSubscriptionEntity,
  job: JobEntity,
  history_event: HistoryEventEntity,
} as const;

/**
 * The writes in statements: in order, each statement as long as it can be without writing one
 * row twice (the parts of one statement all see the same snapshot, not each other's rows).
 */
export function statementsOf(writes: readonly Write[]): Write[][] {
  const statements: Write[][] = [];
  let rows = new Set<string>();
  let current: Write[] = [];
  for (const write of writes) {
    if (rows.has(write.row)) {
      statements.push(current);
      current = [];
      rows = new Set();
    }
    rows.add(write.row);
    current.push(write);
  }
  statements.push(current);
  return statements;
}

/**
 * Carries out a step's write plan in as few round trips as it allows (see statementsOf and
 * WriteBatch); the last statement carries `finish`, the instance's new state. Returns the row of
 * the task the step completed, as it now is.
 */
export async function executePlan(
  manager: EntityManager,
  instanceId: string,
  writes: readonly Write[],
  now: Date,
  finish?: (batch: WriteBatch) => string,
): Promise<Record<string, unknown> | undefined> {
  const statements = statementsOf(writes);
  let closed: Record<string, unknown> | undefined;
  for (const [index, statement] of statements.entries()) {
    const batch = new WriteBatch();
    const inserts = new Map<NewRow['table'], NewRow['values'][]>();
    for (const write of statement) add(batch, inserts, write, instanceId, now);
    for (const [table, rows] of inserts) {
      const entity: EntityTarget<ObjectLiteral> = ENTITIES[table];
      batch.insert(manager, entity, rows);
    }
    const last = index === statements.length - 1;
    const [row] = await batch.run(manager, last ? finish?.(batch) : undefined);
    if (statement.some((write) => write.kind === 'closeTask' && write.returning)) closed = row;
  }
  return closed;
}

/** A write as a part of the statement; inserts are gathered, one statement part a table. */
function add(
  batch: WriteBatch,
  inserts: Map<NewRow['table'], NewRow['values'][]>,
  write: Write,
  instanceId: string,
  now: Date,
): void {
  const p = (value: unknown) => batch.param(value);
  switch (write.kind) {
    case 'insert': {
      const rows = inserts.get(write.insert.table) ?? [];
      rows.push(write.insert.values);
      inserts.set(write.insert.table, rows);
      return;
    }
    case 'closeTask': {
      const completion =
        write.state === 'COMPLETED'
          ? `, completed_by = ${p(write.completedBy ?? null)}, working_minutes = ${p(write.workingMinutes ?? null)}`
          : '';
      const sql = `UPDATE task SET state = ${p(write.state)}, ended_at = ${p(now)}${completion}
        WHERE id = ${p(write.taskId)}${write.returning ? ' RETURNING *' : ''}`;
      if (write.returning) batch.returning(sql);
      else batch.part(sql);
      return;
    }
    case 'setTaskDeadline':
      batch.part(
        `UPDATE task SET due_at = ${p(write.dueAt)}, overdue = ${p(write.overdue)}
          WHERE instance_id = ${p(instanceId)} AND wait_id = ${p(write.waitId)}`,
      );
      return;
    case 'deleteSubscription':
      batch.part(
        `DELETE FROM message_subscription
          WHERE instance_id = ${p(instanceId)} AND subscription_id = ${p(write.subscriptionId)}`,
      );
      return;
    case 'deleteJobs': {
      const gone = batch.part(
        `DELETE FROM job WHERE instance_id = ${p(instanceId)} AND wait_id = ${p(write.waitId)}
          RETURNING id`,
      );
      batch.part(
        `UPDATE incident SET status = 'RESOLVED', resolution = 'JOB_ENDED', resolved_at = ${p(now)}
          WHERE job_id IN (SELECT id FROM ${gone}) AND status = 'OPEN'`,
      );
      return;
    }
  }
}
