import type { DataSource } from 'typeorm';
import { AuditEventEntity } from '../store/entities';

export interface AuditQuery {
  actor?: string;
  action?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

/** Audit events, newest first. */
export function queryAudit(
  dataSource: DataSource,
  filter: AuditQuery,
  limit: number,
): Promise<AuditEventEntity[]> {
  const query = dataSource
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
