import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Authentication } from '../auth/authenticate';
import type { Config } from '../config';
import type { Loaders } from './loaders';

/** What every resolver receives: the database, the clock and the request's logger. */
export interface ApiContext {
  dataSource: DataSource;
  /** The current time; injected so tests can fix it. */
  now: () => Date;
  logger: Logger;
  /** Who is asking, as the request's token proved. */
  auth: Authentication;
  /** Sign-in settings: token lifetime. */
  authConfig: Pick<Config, 'tokenMinutes'>;
  /** Per-request batching of look-ups that many fields make (one query for a page of tasks). */
  loaders: Loaders;
}
