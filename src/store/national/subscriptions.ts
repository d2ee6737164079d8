import { escapeIdentifier, escapeLiteral } from 'pg';
import { AppError } from '../../errors';
import type { Store } from '../store';
import { NATIONAL_PUBLICATION, PROVINCE_NAME, SUBSCRIPTION_PREFIX } from './names';
import { prepareNationalDatabase } from './national-database';

/** A province this national database subscribes to, as PostgreSQL reports it. */
export interface ProvinceSubscription {
  name: string;
  enabled: boolean;
  /** Tables whose first copy is not finished yet (0: every table follows the province). */
  tablesCopying: number;
  /** The province's WAL position last received, and last applied and reported back. */
  receivedLsn: string | null;
  appliedLsn: string | null;
  /** When the province last sent anything (a change or a keepalive); null: not connected now. */
  lastMessageAt: Date | null;
  /** Changes that failed to apply, and first copies that failed, since the statistics' reset. */
  applyErrors: number;
  copyErrors: number;
}

const subscriptionOf = (name: string) => {
  if (!PROVINCE_NAME.test(name)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `A province's name is lower-case letters, digits and underscores, not '${name}'`,
      { field: 'name' },
    );
  }
  return `${SUBSCRIPTION_PREFIX}${name}`;
};

/**
 * Subscribes this (national) database to a province's publication: PostgreSQL connects to
 * `provinceUrl`, makes a replication slot there, copies each published table in the background
 * and then follows every change. Returns false when the subscription exists already (nothing is
 * changed). Run outside any transaction: PostgreSQL refuses CREATE SUBSCRIPTION in one.
 */
export async function subscribeProvince(
  store: Store,
  input: { name: string; provinceUrl: string },
): Promise<boolean> {
  const subscription = subscriptionOf(input.name);
  await prepareNationalDatabase(store);
  const [existing] = (await store.manager.query(
    'SELECT 1 FROM pg_subscription WHERE subname = $1',
    [subscription],
  )) as unknown[];
  if (existing) return false;
  await store.manager.query(
    `CREATE SUBSCRIPTION ${escapeIdentifier(subscription)}
       CONNECTION ${escapeLiteral(input.provinceUrl)}
       PUBLICATION ${NATIONAL_PUBLICATION}`,
  );
  return true;
}

/**
 * Ends the subscription to a province and drops its slot there, which stops the province from
 * keeping WAL for us; the province's rows stay here. Returns false when there was none. With
 * the province unreachable, PostgreSQL cannot drop the slot: `keepSlot` leaves it (drop it on
 * the province later, or it keeps WAL for ever).
 */
export async function unsubscribeProvince(
  store: Store,
  name: string,
  options: { keepSlot?: boolean } = {},
): Promise<boolean> {
  const subscription = escapeIdentifier(subscriptionOf(name));
  const [existing] = (await store.manager.query(
    'SELECT 1 FROM pg_subscription WHERE subname = $1',
    [subscriptionOf(name)],
  )) as unknown[];
  if (!existing) return false;
  if (options.keepSlot) {
    await store.manager.query(`ALTER SUBSCRIPTION ${subscription} DISABLE`);
    await store.manager.query(`ALTER SUBSCRIPTION ${subscription} SET (slot_name = NONE)`);
  }
  await store.manager.query(`DROP SUBSCRIPTION ${subscription}`);
  return true;
}

/** Every province this database subscribes to, by name, with how far it has followed. */
export async function provinceSubscriptions(store: Store): Promise<ProvinceSubscription[]> {
  const rows = (await store.manager.query(
    `SELECT s.subname, s.subenabled,
            (SELECT count(*) FROM pg_subscription_rel r
              WHERE r.srsubid = s.oid AND r.srsubstate <> 'r')::int AS copying,
            w.received_lsn::text, w.latest_end_lsn::text AS applied_lsn, w.last_msg_receipt_time,
            COALESCE(e.apply_error_count, 0)::int AS apply_errors,
            COALESCE(e.sync_error_count, 0)::int AS copy_errors
       FROM pg_subscription s
       LEFT JOIN pg_stat_subscription w
         ON w.subid = s.oid AND w.relid IS NULL AND w.leader_pid IS NULL
       LEFT JOIN pg_stat_subscription_stats e ON e.subid = s.oid
      WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND starts_with(s.subname, $1)
      ORDER BY s.subname`,
    [SUBSCRIPTION_PREFIX],
  )) as {
    subname: string;
    subenabled: boolean;
    copying: number;
    received_lsn: string | null;
    applied_lsn: string | null;
    last_msg_receipt_time: Date | null;
    apply_errors: number;
    copy_errors: number;
  }[];
  return rows.map((row) => ({
    name: row.subname.slice(SUBSCRIPTION_PREFIX.length),
    enabled: row.subenabled,
    tablesCopying: row.copying,
    receivedLsn: row.received_lsn,
    appliedLsn: row.applied_lsn,
    lastMessageAt: row.last_msg_receipt_time,
    applyErrors: row.apply_errors,
    copyErrors: row.copy_errors,
  }));
}
