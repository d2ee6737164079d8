import type { Logger } from 'pino';
import type { Config } from '../config';
import { archiveYears } from '../store/archive';
import { onDatabase } from './on-database';

/** `archive <year>`: moves every year up to `year` to the archive schema. Returns the exit code. */
export async function archiveCommand(config: Config, logger: Logger, args: string[]) {
  const year = Number(args[0]);
  if (args.length !== 1 || !Number.isInteger(year) || year < 2000) {
    console.error('Usage: tthc-engine archive <year>   (every year up to it, e.g. 2024)');
    return 2;
  }
  return onDatabase(config, logger, async (store) => {
    const report = await archiveYears(store, year, new Date());
    return (
      `archived before ${report.before}: ${report.partitions.length} month partitions, ` +
      `${report.instances} ended instances, ${report.tasks} tasks, ${report.incidents} incidents`
    );
  });
}
