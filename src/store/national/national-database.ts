import { escapeIdentifier } from 'pg';
import type { Store } from '../store';
import { NATIONAL_PUBLICATION } from './names';

/**
 * Makes a migrated database fit to receive the provinces' rows; run after the migrations, as
 * often as wanted (a national server does at every start). The tables are the provinces' own,
 * with three differences:
 * - the columns a province keeps to itself (the applicant, the papers…) arrive empty, so they
 *   may be null here: which they are is read from this database's copy of the publication;
 * - a procedure's version is unique in a province, not across provinces (each deploys its own
 *   `birth-registration` version 1), so that index goes;
 * - the rollups arrive from the provinces, counted there: the trigger that would count them
 *   again from this database's dossiers (which lack the papers) is off. Replication does not
 *   fire it; a migration updating dossiers here would.
 */
export async function prepareNationalDatabase(store: Store): Promise<void> {
  const withheld = (await store.manager.query(
    `SELECT c.table_name, c.column_name
       FROM pg_publication_tables p
       JOIN information_schema.columns c
         ON c.table_schema = p.schemaname AND c.table_name = p.tablename
      WHERE p.pubname = $1 AND c.is_nullable = 'NO' AND NOT (c.column_name = ANY (p.attnames))
      ORDER BY 1, 2`,
    [NATIONAL_PUBLICATION],
  )) as { table_name: string; column_name: string }[];
  for (const { table_name, column_name } of withheld) {
    await store.manager.query(
      `ALTER TABLE ${escapeIdentifier(table_name)} ALTER COLUMN ${escapeIdentifier(column_name)} DROP NOT NULL`,
    );
  }
  await store.manager.query('DROP INDEX IF EXISTS process_definition_key_version');
  // Only when on: the ALTER waits for the replication's writes to the table.
  const [trigger] = (await store.manager.query(
    `SELECT tgenabled FROM pg_trigger WHERE tgname = 'dossier_rollup' AND tgrelid = 'dossier'::regclass`,
  )) as { tgenabled: string }[];
  if (trigger?.tgenabled !== 'D') {
    await store.manager.query('ALTER TABLE dossier DISABLE TRIGGER dossier_rollup');
  }
}
