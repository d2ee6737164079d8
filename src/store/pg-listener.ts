import type { Logger } from 'pino';
import type { Store } from './store';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface ListeningClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: Notification) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  removeAllListeners(event: string): void;
}

interface Notification {
  channel: string;
  payload?: string;
}

/**
 * Holds one connection that LISTENs on some channels and hands each notification on. PostgreSQL
 * sends a NOTIFY when its transaction commits, so what is heard has happened. The connection can
 * be lost; `ensure` listens again (callers retry before they wait, or on a timer), and whatever
 * was sent meanwhile is not heard: users of it must not depend on every notification.
 */
export class PgListener {
  private client?: ListeningClient;
  private release?: (error?: unknown) => void;

  constructor(
    private readonly store: Store,
    private readonly channels: readonly string[],
    private readonly onNotification: (channel: string, payload: string) => void,
    private readonly logger: Logger,
  ) {}

  /** Listens, if not already; false if it cannot now. */
  async ensure(): Promise<boolean> {
    if (this.client) return true;
    const { connection } = this.store.manager;
    if (!connection.isInitialized) return false;
    const driver = connection.driver as PostgresDriver;
    try {
      const [client, release] = (await driver.obtainMasterConnection()) as [
        ListeningClient,
        (error?: unknown) => void,
      ];
      client.on('notification', (message) =>
        this.onNotification(message.channel, message.payload ?? ''),
      );
      client.on('error', (error) => this.drop(error));
      this.client = client;
      this.release = release;
      for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
      return true;
    } catch (error) {
      this.drop(error);
      this.logger.warn({ err: error, channels: this.channels }, 'cannot listen; will try again');
      return false;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    if (!client) return;
    await client.query('UNLISTEN *').catch(() => undefined);
    this.drop();
  }

  /** Gives the connection back to the pool (discarded if it failed). */
  private drop(error?: unknown): void {
    this.client?.removeAllListeners('notification');
    this.client?.removeAllListeners('error');
    this.release?.(error);
    this.client = undefined;
    this.release = undefined;
  }
}
