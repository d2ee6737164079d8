import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';
import type { PubSub } from 'type-graphql';
import type { Store } from '../store/store';
import { PgListener } from '../store/pg-listener';

/** The channels the ChangeNotify migration's triggers notify; each payload names what changed. */
export const CHANGE_CHANNELS = ['task_changed', 'dossier_changed'] as const;
/**
 * `task_changed`: a task's id (created, claimed, completed, canceled, its deadline moved);
 * `dossier_changed`: a dossier's code, an instance's business key (it moved on, paused, ended).
 */
export type ChangeChannel = (typeof CHANGE_CHANNELS)[number];

/**
 * A subscriber that stops reading keeps at most this many changes, the newest: a slow client
 * loses old news rather than the server its memory.
 */
const BUFFERED_PER_SUBSCRIBER = 256;

/** In-memory fan-out of changes to subscribers, each with its own bounded buffer. */
export class ChangeStreams implements PubSub {
  private readonly subscribers = new Map<string, Set<(payload: string) => void>>();

  publish(channel: string, payload?: unknown): void {
    for (const push of this.subscribers.get(channel) ?? []) push(String(payload));
  }

  /** Every change on a channel from now on, until the subscriber leaves. */
  subscribe(channel: string): AsyncIterable<string> {
    return new Repeater<string>(async (push, stop) => {
      const deliver = (payload: string) => void push(payload);
      const listeners = this.subscribers.get(channel) ?? new Set();
      this.subscribers.set(channel, listeners.add(deliver));
      await stop;
      listeners.delete(deliver);
      if (listeners.size === 0) this.subscribers.delete(channel);
    }, new SlidingBuffer(BUFFERED_PER_SUBSCRIBER));
  }

  /** How many subscribers are listening now (for tests and metrics). */
  get size(): number {
    let count = 0;
    for (const listeners of this.subscribers.values()) count += listeners.size;
    return count;
  }
}

const RELISTEN_MS = 5_000;

/**
 * What changed in the database, for GraphQL subscriptions: one listening connection per server,
 * fanned out in memory. Whichever process made the change (an API server, a job runner), every
 * server hears it once committed. While the connection is lost, changes are missed (clients
 * refetch on reconnect); it listens again within seconds.
 */
export class ChangeFeed {
  private readonly listener: PgListener;
  private relisten?: NodeJS.Timeout;

  constructor(
    store: Store,
    logger: Logger,
    readonly streams: ChangeStreams,
  ) {
    this.listener = new PgListener(
      store,
      CHANGE_CHANNELS,
      (channel, payload) => streams.publish(channel, payload),
      logger,
    );
  }

  async start(): Promise<void> {
    await this.listener.ensure();
    this.relisten = setInterval(() => void this.listener.ensure(), RELISTEN_MS);
    this.relisten.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.relisten);
    await this.listener.close();
  }

  subscribe(channel: ChangeChannel): AsyncIterable<string> {
    return this.streams.subscribe(channel);
  }
}
