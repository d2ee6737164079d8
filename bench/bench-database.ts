import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { PROJECT_ROOT, readConfig } from '../src/config';
import { createDataSource } from '../src/store/data-source';
import { startEmbeddedPostgres } from '../src/store/embedded-postgres';

export interface BenchDatabase {
  url: string;
  /** Migrated, with a pool of 16 (8 workers at once and the reads beside them), and group commit as
   * the environment sets it (GROUP_COMMIT_*). */
  dataSource: DataSource;
  /** Ends the pool, then the embedded server if there is one. */
  close: () => Promise<void>;
}

/**
 * The database a bench script runs on: DATABASE_URL, or a throw-away embedded PostgreSQL in
 * `.data/<name>` on `port`.
 */
export async function openBenchDatabase(name: string, port: number): Promise<BenchDatabase> {
  const { url, stop } = await server(name, port);
  const dataSource = createDataSource(url, { poolSize: 16, groupCommit: readConfig().groupCommit });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stop();
    throw error;
  }
  const close = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stop();
  };
  return { url, dataSource, close };
}

async function server(
  name: string,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dataDir = path.join(PROJECT_ROOT, '.data', name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port,
    database: 'bench',
    persistent: false,
  });
  return { url: embedded.url, stop: embedded.stop };
}
