import { DossierEntity, type DossierChannel } from './entities';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';
import type { Store } from './store';

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

/** Each filter as the dossier column it reads, and how. */
const FILTERS: { [K in Exclude<keyof DossierQuery, 'agencyCode'>]-?: string } = {
  statusCode: 'd.status_code =',
  procedureKey: 'd.procedure_key =',
  field: 'd.field =',
  channel: 'd.channel =',
  receivedFrom: 'd.received_at >=',
  receivedBefore: 'd.received_at <',
  dueBefore: 'd.appointment_at <',
  overdue: 'd.overdue =',
};

/**
 * An agency's dossiers matching a filter, newest first, a page at a time: keyset pagination on
 * (received at, code), so a page costs the same wherever it is. Every filter reads the dossier's
 * own columns (its procedure, field, appointment and overdue mark are copied onto it after each
 * step), all of them in the `dossier_list` index: the total is counted from the index alone.
 */
export async function queryDossiers(
  store: Store,
  query: DossierQuery,
  page: { first: number; after?: { receivedAt: string; code: string }; withTotal: boolean },
): Promise<{ dossiers: DossierEntity[]; totalCount?: number; hasNextPage: boolean }> {
  const parameters: unknown[] = [query.agencyCode];
  const conditions = ['d.agency_code = $1'];
  for (const [name, test] of Object.entries(FILTERS) as [keyof typeof FILTERS, string][]) {
    if (query[name] === undefined) continue;
    parameters.push(query[name]);
    conditions.push(`${test} $${parameters.length}`);
  }
  const matching = `FROM dossier d WHERE ${conditions.join(' AND ')}`;
  const pageParameters = [...parameters];
  let after = '';
  if (page.after) {
    pageParameters.push(page.after.receivedAt, page.after.code);
    const at = pageParameters.length - 1;
    after = ` AND (d.received_at, d.code) < ($${at}::timestamptz, $${at + 1})`;
  }
  pageParameters.push(page.first + 1);
  const [rows, counted] = await Promise.all([
    preparedQuery(
      store.manager,
      `SELECT d.* ${matching}${after}
        ORDER BY d.received_at DESC, d.code DESC LIMIT $${pageParameters.length}`,
      pageParameters,
    ),
    page.withTotal
      ? preparedQuery<{ count: string }>(store.manager, `SELECT count(*) ${matching}`, parameters)
      : undefined,
  ]);
  return {
    dossiers: rows
      .slice(0, page.first)
      .map((row) => entityFromRow(store.manager, DossierEntity, row)),
    totalCount: counted && Number(counted[0].count),
    hasNextPage: rows.length > page.first,
  };
}
