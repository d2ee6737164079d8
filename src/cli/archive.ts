import type { Logger } from 'pino';
import type { Config } from '../config';
import { AppError } from '../errors';
import { archiveYears } from '../store/archive';
import { openDatabase } from '../store/open-database';

/** `archive <year>`: moves every year up to `year` to the archive schema. Returns the exit code. */
export async function archiveCommand(config: Config, logger: Logger, args: string[]) {
  const year = Number(args[0]);
  if (args.length !== 1 || !Number.isInteger(year) || year < 2000) {
    console.error('Usage: tthc-engine archive <year>   (every year up to it, e.g. 2024)');
    return 2;
  }
  const database = await openDatabase(config, logger);
  try {
    const report = await archiveYears(database.store, year, new Date());
    console.log(
      `archived before ${report.before}: ${report.partitions.length} month partitions, ` +
        `${report.instances} ended instances, ${report.tasks} tasks, ${report.incidents} incidents`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await database.close();
  }
}
