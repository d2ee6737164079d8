import { createPubSub } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { PgListener } from '../store/pg-listener';

/** The channels the ChangeNotify migration's triggers notify, and what their payloads name. */
// A type, not an interface: the pub-sub wants an index signature.
export type Changes = {
  /** A task's id: created, claimed, completed, canceled, its deadline moved. */
  task_changed: [taskId: string];
  /** A dossier's code (an instance's business key): it moved on, paused, ended. */
  dossier_changed: [code: string];
};

const CHANNELS: (keyof Changes)[] = ['task_changed', 'dossier_changed'];

export function createChangePubSub() {
  return createPubSub<Changes>();
}
const RELISTEN_MS = 5_000;

/**
 * What changed in the database, as streams for GraphQL subscriptions: one listening connection
 * per server, fanned out in memory to every subscriber. Whichever process made the change (an
 * API server, a job runner), every server hears it once committed. While the connection is
 * lost, changes are missed (clients refetch on reconnect); it listens again within seconds.
 */
export class ChangeFeed {
  private readonly listener: PgListener;
  private relisten?: NodeJS.Timeout;

  constructor(
    dataSource: DataSource,
    logger: Logger,
    readonly pubSub: ReturnType<typeof createChangePubSub>,
  ) {
    this.listener = new PgListener(
      dataSource,
      CHANNELS,
      (channel, payload) => {
        if ((CHANNELS as string[]).includes(channel)) {
          this.pubSub.publish(channel as keyof Changes, payload);
        }
      },
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

  /** Every change on a channel from now on, until the subscriber leaves. */
  subscribe(channel: keyof Changes): AsyncIterable<string> {
    return this.pubSub.subscribe(channel);
  }
}
