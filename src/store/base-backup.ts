import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * What a base backup leaves out of the data folder, as PostgreSQL's documentation of the low-level
 * backup API lists it: the running server's own files, and the contents (not the folders) of
 * those the server empties at start. pg_wal's are taken apart, after the backup ends.
 */
const FILES_LEFT_OUT = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
]);
const FOLDERS_EMPTIED = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

/** A WAL segment's file name: timeline, then log and segment numbers, 24 hexadecimal digits. */
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

export interface BaseBackup {
  folder: string;
  /** The first WAL segment the backup needs, from its label. */
  startWal: string;
  /** When the backup ended: a restore reaches at least this point. */
  endedAt: Date;
}

/**
 * An online base backup of the server at `url` whose data folder is `dataDir` on this machine
 * (the embedded server), with PostgreSQL's low-level API: the server is told a backup begins, its
 * files are copied while it keeps working, it is told the backup ends and gives the label that
 * says where recovery must start, and the WAL written meanwhile is copied beside them. A
 * temporary replication slot keeps that WAL from being recycled until it is copied; it goes with
 * the session, even if this process dies. The folder then starts as a server of its own, which
 * replays that WAL to the backup's end (see restoreBaseBackup).
 */
export async function takeBaseBackup(options: {
  url: string;
  dataDir: string;
  folder: string;
}): Promise<BaseBackup> {
  if (existsSync(options.folder) && readdirSync(options.folder).length > 0) {
    throw new Error(`${options.folder} is not empty: a backup goes into a new folder`);
  }
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [
      `tthc_backup_${process.pid}`,
    ]);
    await client.query(`SELECT pg_backup_start($1, true)`, [`tthc ${new Date().toISOString()}`]);
    copyDataFolder(options.dataDir, options.folder);
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string }>(
      'SELECT labelfile, spcmapfile FROM pg_backup_stop(false)',
    );
    const endedAt = new Date();
    // The segment holding the backup's end is closed, so that all of it is on disk to copy.
    await client.query('SELECT pg_switch_wal()');
    writeFileSync(path.join(options.folder, 'backup_label'), rows[0].labelfile);
    if (rows[0].spcmapfile) {
      writeFileSync(path.join(options.folder, 'tablespace_map'), rows[0].spcmapfile);
    }
    const startWal = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(rows[0].labelfile)?.[1];
    if (!startWal) throw new Error('The backup label names no start WAL segment');
    copyWalFrom(
      path.join(options.dataDir, 'pg_wal'),
      path.join(options.folder, 'pg_wal'),
      startWal,
    );
    return { folder: options.folder, startWal, endedAt };
  } finally {
    await client.end();
  }
}

/**
 * Copies the server's files as they are while it runs: a page torn by a write meanwhile is
 * rewritten from the WAL at restore (full-page writes are on during a backup), and a file the
 * server removes meanwhile (a dropped table) is not needed.
 */
function copyDataFolder(from: string, to: string, relative = ''): void {
  mkdirSync(path.join(to, relative), { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(path.join(from, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    if (FILES_LEFT_OUT.has(name) || entry.name.startsWith('pgsql_tmp')) continue;
    try {
      if (FOLDERS_EMPTIED.has(name)) mkdirSync(path.join(to, name), { mode: 0o700 });
      else if (entry.isDirectory()) copyDataFolder(from, to, name);
      else if (entry.isFile()) copyFileSync(path.join(from, name), path.join(to, name));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
  }
}

/** Copies the WAL segments from `first` on (names sort in WAL order within a timeline). */
function copyWalFrom(from: string, to: string, first: string): void {
  mkdirSync(path.join(to, 'archive_status'), { recursive: true, mode: 0o700 }); // pg_wal exists
  for (const name of readdirSync(from)) {
    if (!WAL_SEGMENT.test(name) || name < first) continue;
    if (statSync(path.join(from, name)).isFile())
      copyFileSync(path.join(from, name), path.join(to, name));
  }
}
