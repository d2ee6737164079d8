import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { backUpEmbedded } from '../store/embedded-backup';
import { restoreBaseBackup } from '../store/restore-backup';

/** What to say when DATABASE_URL names a server this command cannot read the files of. */
const elsewhere = (doing: string) =>
  `DATABASE_URL is set: ${doing} that server with its own tools of its version (pg_basebackup with a WAL archive, or pg_dump); see docs/operations.md#backups`;

/** `backup <folder>`: an online base backup of the embedded database. Returns the exit code. */
export async function backupCommand(config: Config, logger: Logger, args: string[]) {
  const [folder] = args;
  if (!folder || args.length > 1) {
    console.error('Usage: tthc-engine backup <new folder>');
    return 2;
  }
  if (config.databaseUrl) {
    console.error(elsewhere('back up'));
    return 2;
  }
  const backup = await backUpEmbedded({
    dataDir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPostgresPort,
    archiveDir: config.walArchiveDir,
    folder: path.resolve(folder),
  });
  logger.info(backup, 'base backup written');
  return 0;
}

/**
 * `restore <folder> [--until=<time>]`: makes the embedded database's folder (which must not
 * exist: move the old one away) from a base backup, through WAL_ARCHIVE_DIR when it is set, to
 * `--until` or to the archive's end. `npm start` then opens it.
 */
export async function restoreCommand(config: Config, logger: Logger, args: string[]) {
  const folder = args.find((arg) => !arg.startsWith('--'));
  const until = args.find((arg) => arg.startsWith('--until='))?.slice('--until='.length);
  const moment = until === undefined ? undefined : new Date(until);
  if (!folder || (moment && Number.isNaN(moment.getTime()))) {
    console.error('Usage: tthc-engine restore <backup folder> [--until=2026-12-05T08:30:00+07:00]');
    return 2;
  }
  if (config.databaseUrl) {
    console.error(elsewhere('restore'));
    return 2;
  }
  const dataDir = path.join(config.dataDir, 'postgres');
  restoreBaseBackup({
    backup: path.resolve(folder),
    dataDir,
    archiveDir: config.walArchiveDir,
    until: moment,
  });
  logger.info(
    { dataDir, until: moment, archive: config.walArchiveDir },
    'restored: npm start opens it',
  );
  return 0;
}
