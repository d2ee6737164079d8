import type { Logger } from 'pino';
import type { Authentication } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import type { ChangeFeed } from './change-feed';
import type { Config } from '../config';
import type { Loaders } from './loaders';
import type { ResultSigner } from '../one-stop-forms/result-signing';
import type { Store } from '../store/store';

/** What every resolver receives: the database, the clock and the request's logger. */
export interface ApiContext {
  /** The database, through the store's operations. */
  store: Store;
  /** The current time; injected so tests can fix it. */
  now: () => Date;
  logger: Logger;
  /** Who is asking, as the request's token proved. */
  auth: Authentication;
  /** Sign-in settings: token lifetime. */
  authConfig: Pick<Config, 'tokenMinutes'>;
  /** Per-request batching of look-ups that many fields make (one query for a page of tasks). */
  loaders: Loaders;
  /** Signs results at signature steps and verifies signed results. */
  results: ResultSigner;
  /** Over the WebSocket only: what changes, for subscriptions. */
  changes?: ChangeFeed;
  /**
   * Over the WebSocket only: proves the connection's token again before each event (it may have
   * expired, the officer may have been deactivated or lost a role); the connection is closed
   * once it no longer holds.
   */
  recheck?: () => Promise<Principal | undefined>;
}
