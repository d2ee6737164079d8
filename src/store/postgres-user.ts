import { chownSync, readFileSync } from 'node:fs';

/**
 * The `postgres` system user's ids, from /etc/passwd: PostgreSQL refuses to run as root, so when
 * we are root the embedded server runs as that user (see embedded-postgres.ts).
 */
function postgresUser(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * What gives a file to the `postgres` user when we are root (as anyone else, it is ours already):
 * the user is looked up once, for however many files.
 */
export function postgresOwnership(): (file: string) => void {
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  return user ? (file) => chownSync(file, user.uid, user.gid) : () => undefined;
}
