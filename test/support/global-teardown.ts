import { rmSync } from 'node:fs';
import path from 'node:path';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__testPostgres?.stop();
  // The embedded cluster deletes its own data on stop; its parent folder is ours to remove.
  const dataDir = globalThis.__testPostgres?.dataDir;
  if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
