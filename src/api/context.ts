import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Loaders } from './loaders';

/** What every resolver receives: the database, the clock and the request's logger. */
export interface ApiContext {
  dataSource: DataSource;
  /** The current time; injected so tests can fix it. */
  now: () => Date;
  logger: Logger;
  /** Per-request batching of look-ups that many fields make (one query for a page of tasks). */
  loaders: Loaders;
}
