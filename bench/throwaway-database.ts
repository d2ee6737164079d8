import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { startEmbeddedPostgres } from '../src/store/embedded-postgres';

/** DATABASE_URL, or a throw-away embedded PostgreSQL in `.data/<name>` on `port`. */
export async function throwawayDatabase(
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
