import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { grantPublishedColumns } from '../store/national/publication-access';
import { replicationSlots } from '../store/national/slots';
import {
  provinceSubscriptions,
  subscribeProvince,
  unsubscribeProvince,
} from '../store/national/subscriptions';
import { openDatabase } from '../store/open-database';
import type { Store } from '../store/store';

export const NATIONAL_USAGE = `Usage: tthc-engine national <command>, with DATABASE_URL naming the database
  subscribe <name> <province URL> [--no-wait]
            (national) follow a province: its figures are copied, then every change; waits
            for the copy unless --no-wait. The URL is how the national PostgreSQL reaches it.
  unsubscribe <name> [--keep-slot]
            (national) stop following a province and drop its slot there (its rows stay);
            --keep-slot when the province cannot be reached (then drop the slot there)
  status    (national) each province followed: copying, last heard from, errors
  slots     (province) each national subscriber: how far behind it is, the WAL kept for it
  grant <role>
            (province) let a role (LOGIN REPLICATION, made by you) read the published columns
            only: the role the national database connects as`;

/** `national <command> …`: the national roll-up's set-up and watch. Returns the exit code. */
export async function nationalCommand(config: Config, logger: Logger, args: string[]) {
  const [command, ...rest] = args;
  const options = rest.filter((arg) => arg.startsWith('--'));
  const [name, url] = rest.filter((arg) => !arg.startsWith('--'));
  const known: Record<string, { arity: number; options: string[] }> = {
    subscribe: { arity: 2, options: ['--no-wait'] },
    unsubscribe: { arity: 1, options: ['--keep-slot'] },
    status: { arity: 0, options: [] },
    slots: { arity: 0, options: [] },
    grant: { arity: 1, options: [] },
  };
  const expected = known[command ?? ''];
  const given = [name, url].filter(Boolean).length;
  if (!expected || given !== expected.arity || options.some((o) => !expected.options.includes(o))) {
    console.error(NATIONAL_USAGE);
    return 2;
  }
  const database = await openDatabase(config, logger);
  try {
    const store = database.store;
    if (command === 'subscribe') {
      return await subscribe(store, name, url, !options.includes('--no-wait'));
    }
    if (command === 'unsubscribe') {
      const dropped = await unsubscribeProvince(store, name, {
        keepSlot: options.includes('--keep-slot'),
      });
      console.log(dropped ? `unsubscribed from ${name}` : `not subscribed to ${name}`);
      return 0;
    }
    if (command === 'grant') {
      const tables = await grantPublishedColumns(store, name);
      console.log(`${name} may read the published columns of ${tables.join(', ')}`);
      return 0;
    }
    if (command === 'status') printStatus(await provinceSubscriptions(store));
    else printSlots(await replicationSlots(store));
    return 0;
  } finally {
    await database.close();
  }
}

/** Subscribes, then (unless told not to) waits until every table's first copy is done. */
async function subscribe(store: Store, name: string, url: string, wait: boolean) {
  const created = await subscribeProvince(store, { name, provinceUrl: url });
  console.log(created ? `subscribed to ${name}` : `already subscribed to ${name}`);
  for (let polls = 0; wait; polls++) {
    const province = (await provinceSubscriptions(store)).find((p) => p.name === name);
    if (!province) return 1;
    if (province.copyErrors > 0) {
      console.error(
        `the copy from ${name} failed ${province.copyErrors} times (PostgreSQL retries it): see the national PostgreSQL's log; an agency code both provinces use stops it`,
      );
      return 1;
    }
    if (province.tablesCopying === 0) {
      console.log(`${name}: every table copied; following its changes`);
      return 0;
    }
    if (polls % 20 === 0) console.log(`${name}: ${province.tablesCopying} tables still copying`);
    await sleep(500);
  }
  return 0;
}

function printStatus(provinces: Awaited<ReturnType<typeof provinceSubscriptions>>): void {
  console.log(['province', 'enabled', 'copying', 'last heard', 'applied', 'errors'].join('\t'));
  for (const p of provinces) {
    const heard = p.lastMessageAt ? p.lastMessageAt.toISOString() : 'not connected';
    const errors = `${p.applyErrors} apply, ${p.copyErrors} copy`;
    console.log(
      [p.name, p.enabled, p.tablesCopying, heard, p.appliedLsn ?? '-', errors].join('\t'),
    );
  }
}

function printSlots(slots: Awaited<ReturnType<typeof replicationSlots>>): void {
  console.log(['slot', 'active', 'behind bytes', 'WAL kept bytes', 'WAL status'].join('\t'));
  for (const s of slots) {
    console.log([s.name, s.active, s.behindBytes, s.retainedBytes, s.walStatus].join('\t'));
  }
}
