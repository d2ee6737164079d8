import { withClient } from '../with-client';

/**
 * Runs `work` with a database of its own, `name`, made afresh on the server of `url` and dropped
 * afterwards (as pgbench.ts does for `bench_pgbench`): a peer's tables beside nobody else's, so
 * what that database is written is the peer's alone. `work` is given its address.
 */
export async function withScratchDatabase<T>(
  url: string,
  name: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const drop = () =>
    withClient(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await drop();
  await withClient(url, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await work(target.toString());
  } finally {
    await drop();
  }
}
