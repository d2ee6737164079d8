import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { postgresOwnership } from './postgres-user';

export interface RestoreOptions {
  /** A folder written by takeBaseBackup. */
  backup: string;
  /** The new server's data folder: must not exist yet, or be empty. */
  dataDir: string;
  /**
   * The WAL archive (WAL_ARCHIVE_DIR of the backed-up server): recovery goes on through it past
   * the backup's end, to `until` or to the last segment archived.
   */
  archiveDir?: string;
  /** Point-in-time recovery: stop replaying at this moment, the transactions after it undone. */
  until?: Date;
}

/**
 * Makes `dataDir` a copy of a base backup, ready to start with the same PostgreSQL: started, the
 * server replays the WAL the backup holds to its end (a consistent copy of the database as it was
 * then), and with an archive goes on replaying, to `until` or to the archive's end, then opens
 * for writing (`recovery_target_action = promote`). Nothing is started here.
 */
export function restoreBaseBackup(options: RestoreOptions): void {
  if (!existsSync(path.join(options.backup, 'backup_label'))) {
    throw new Error(`${options.backup} holds no base backup (no backup_label)`);
  }
  if (existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    throw new Error(`${options.dataDir} is not empty: a restore makes a new data folder`);
  }
  if (options.until && !options.archiveDir) {
    throw new Error('A restore to a point in time needs the WAL archive (WAL_ARCHIVE_DIR)');
  }
  cpSync(options.backup, options.dataDir, { recursive: true });
  if (options.archiveDir) {
    const settings = [
      `restore_command = 'cp "${options.archiveDir}/%f" "%p"'`,
      // PostgreSQL's own form of a moment: the setting refuses ISO 8601's T and Z.
      options.until &&
        `recovery_target_time = '${options.until.toISOString().replace('T', ' ').replace('Z', '+00')}'`,
      `recovery_target_action = 'promote'`,
    ].filter(Boolean);
    appendFileSync(
      path.join(options.dataDir, 'postgresql.auto.conf'),
      `\n${settings.join('\n')}\n`,
    );
    writeFileSync(path.join(options.dataDir, 'recovery.signal'), '');
  }
  giveToServer(options.dataDir);
}

/** The restored folder, readable by no one but the server's user, as PostgreSQL demands. */
function giveToServer(dataDir: string): void {
  chmodSync(dataDir, 0o700);
  const toPostgres = postgresOwnership();
  const own = (file: string) => {
    toPostgres(file);
    if (!lstatSync(file).isDirectory()) return;
    for (const name of readdirSync(file)) own(path.join(file, name));
  };
  own(dataDir);
}
