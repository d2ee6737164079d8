import type { Logger } from 'pino';
import type { Config } from '../config';
import { AppError } from '../errors';
import { openDatabase } from '../store/open-database';
import type { Store } from '../store/store';

/**
 * A command's work on the database: what it answers is printed and exits 0; a refusal the user
 * can act on (an AppError) is printed and exits 1; the database is closed either way.
 */
export async function onDatabase(
  config: Config,
  logger: Logger,
  work: (store: Store) => Promise<string>,
): Promise<number> {
  const database = await openDatabase(config, logger);
  try {
    console.log(await work(database.store));
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await database.close();
  }
}
