import type { DataSource } from 'typeorm';
import { DossierEntity } from '../store/entities';
import type { DossierChannel } from '../store/entities';

export interface DossierQuery {
  agencyCode: string;
  statusCode?: number;
  procedureKey?: string;
  /** The procedure's field (lĩnh vực), e.g. civil_status. */
  field?: string;
  channel?: DossierChannel;
  receivedFrom?: Date;
  receivedBefore?: Date;
  dueBefore?: Date;
  overdue?: boolean;
}

/**
 * An agency's dossiers matching a filter, newest first, a page at a time: keyset pagination on
 * (received at, code), so a page costs the same wherever it is.
 */
export async function queryDossiers(
  dataSource: DataSource,
  query: DossierQuery,
  page: { first: number; after?: { receivedAt: string; code: string } },
): Promise<{ dossiers: DossierEntity[]; totalCount: number; hasNextPage: boolean }> {
  const filtered = () => {
    const builder = dataSource
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      .innerJoin('process_instance', 'i', 'i.id = d.instance_id')
      .where('d.agency_code = :agency', { agency: query.agencyCode });
    if (query.statusCode !== undefined)
      builder.andWhere('d.status_code = :status', { status: query.statusCode });
    if (query.procedureKey !== undefined || query.field !== undefined) {
      builder.innerJoin('process_definition', 'p', 'p.id = d.definition_id');
    }
    if (query.procedureKey !== undefined)
      builder.andWhere('p.key = :key', { key: query.procedureKey });
    if (query.field !== undefined)
      builder.andWhere("p.model->>'field' = :field", { field: query.field });
    if (query.channel !== undefined)
      builder.andWhere('d.channel = :channel', { channel: query.channel });
    if (query.receivedFrom !== undefined)
      builder.andWhere('d.received_at >= :from', { from: query.receivedFrom });
    if (query.receivedBefore !== undefined)
      builder.andWhere('d.received_at < :before', { before: query.receivedBefore });
    if (query.dueBefore !== undefined)
      builder.andWhere('i.due_at < :due', { due: query.dueBefore });
    if (query.overdue !== undefined)
      builder.andWhere('i.overdue = :overdue', { overdue: query.overdue });
    return builder;
  };
  const pageQuery = filtered()
    .orderBy('d.received_at', 'DESC')
    .addOrderBy('d.code', 'DESC')
    .limit(page.first + 1);
  if (page.after) {
    pageQuery.andWhere('(d.received_at, d.code) < (:afterAt, :afterCode)', {
      afterAt: page.after.receivedAt,
      afterCode: page.after.code,
    });
  }
  const [rows, totalCount] = await Promise.all([pageQuery.getMany(), filtered().getCount()]);
  return {
    dossiers: rows.slice(0, page.first),
    totalCount,
    hasNextPage: rows.length > page.first,
  };
}
