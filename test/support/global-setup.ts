import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/store/embedded-postgres';
import { freePort } from './free-port';

declare global {
  var __testPostgres: EmbeddedDatabase | undefined;
}

/**
 * One PostgreSQL server for the whole run: the one DATABASE_URL names, or an embedded one in a
 * throw-away folder. Each test file then creates its own database on it (test/support/database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const root = path.resolve(__dirname, '../..', '.data');
  mkdirSync(root, { recursive: true });
  const dataDir = mkdtempSync(path.join(root, 'test-'));
  // PostgreSQL runs as another user when we are root: it must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'postgres'),
    port: await freePort(),
    database: 'postgres',
    persistent: false,
  });
  globalThis.__testPostgres = database;
  process.env.TEST_DATABASE_ADMIN_URL = database.adminUrl;
}
