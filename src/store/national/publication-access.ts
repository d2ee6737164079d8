import { escapeIdentifier } from 'pg';
import type { Store } from '../store';
import { NATIONAL_PUBLICATION } from './names';

/**
 * Lets a role (made by the province's administrator, with LOGIN and REPLICATION) read what the
 * national publication publishes and nothing more: SELECT on each published column, which the
 * national database's first copy of a table needs. Whoever holds the role's password can then
 * read no applicant, no paper, no officer's name. Run again after an upgrade that publishes
 * more. Returns the tables granted.
 */
export async function grantPublishedColumns(store: Store, role: string): Promise<string[]> {
  const tables = (await store.manager.query(
    `SELECT tablename, attnames::text[] AS attnames FROM pg_publication_tables
      WHERE pubname = $1 ORDER BY tablename`,
    [NATIONAL_PUBLICATION],
  )) as { tablename: string; attnames: string[] }[];
  for (const { tablename, attnames } of tables) {
    const columns = attnames.map(escapeIdentifier).join(', ');
    await store.manager.query(
      `GRANT SELECT (${columns}) ON ${escapeIdentifier(tablename)} TO ${escapeIdentifier(role)}`,
    );
  }
  return tables.map((table) => table.tablename);
}
