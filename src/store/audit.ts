import { randomUUID } from 'node:crypto';
import { AuditEventEntity } from './entities';
import { preparedQuery } from './prepared';
import type { Store } from './store';

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

/** Audit events, newest first. */
export function queryAudit(
  store: Store,
  filter: AuditQuery,
  limit: number,
): Promise<AuditEventEntity[]> {
  const query = store.manager
    .getRepository(AuditEventEntity)
    .createQueryBuilder('e')
    .orderBy('e.at', 'DESC')
    .addOrderBy('e.id', 'ASC')
    .limit(limit);
  if (filter.actor) query.andWhere('e.actor = :actor', { actor: filter.actor });
  if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
  if (filter.outcome) query.andWhere('e.outcome = :outcome', { outcome: filter.outcome });
  if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
  return query.getMany();
}

/** Records one mutation's outcome. Passwords and variables are never recorded. */
export async function recordAudit(
  store: Store,
  event: Omit<AuditEventEntity, 'id'>,
): Promise<void> {
  await preparedQuery(
    store.manager,
    'INSERT INTO audit_event (id, at, actor, action, target, reason, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [randomUUID(), event.at, event.actor, event.action, event.target, event.reason, event.outcome],
  );
}
