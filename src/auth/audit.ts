import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEventEntity } from '../store/entities';
import { preparedQuery } from '../store/prepared';

/** The argument that names what a mutation is about, by the names our mutations use. */
const TARGET_ARGUMENTS = ['id', 'taskId', 'key', 'username', 'name', 'code', 'procedureCode'];

export function auditTarget(args: Record<string, unknown>): string | null {
  for (const name of TARGET_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'string' && value !== '') return value.slice(0, 255);
  }
  const input = args.input;
  return typeof input === 'object' && input !== null
    ? auditTarget(input as Record<string, unknown>)
    : null;
}

/** Records one mutation's outcome. Passwords and variables are never recorded. */
export async function recordAudit(
  dataSource: DataSource | EntityManager,
  event: Omit<AuditEventEntity, 'id'>,
): Promise<void> {
  await preparedQuery(
    dataSource,
    'INSERT INTO audit_event (id, at, actor, action, target, outcome) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), event.at, event.actor, event.action, event.target, event.outcome],
  );
}
