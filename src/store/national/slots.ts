import type { Store } from '../store';

/** A logical replication slot of this (province's) database: a subscriber's place in its WAL. */
export interface ReplicationSlot {
  name: string;
  /** A subscriber is connected and reading now. */
  active: boolean;
  /** WAL written here that the subscriber has not confirmed yet: how far behind it is. */
  behindBytes: number;
  /** WAL this server keeps for the slot (not recycled while the slot needs it). */
  retainedBytes: number;
  /**
   * `reserved` or `extended`: all kept; `unreserved`: past `max_slot_wal_keep_size`, about to be
   * given up; `lost`: given up, the subscriber must copy again.
   */
  walStatus: string;
  /** The subscriber has applied everything this server wrote up to here. */
  confirmedLsn: string | null;
}

/** The logical slots of this database: what each national subscriber has read, and what it costs. */
export async function replicationSlots(store: Store): Promise<ReplicationSlot[]> {
  const rows = (await store.manager.query(
    `SELECT slot_name, active, wal_status, confirmed_flush_lsn::text AS confirmed,
            COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint AS behind,
            COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint AS retained
       FROM pg_replication_slots
      WHERE slot_type = 'logical' AND database = current_database()
      ORDER BY slot_name`,
  )) as {
    slot_name: string;
    active: boolean;
    wal_status: string;
    confirmed: string | null;
    behind: string;
    retained: string;
  }[];
  return rows.map((row) => ({
    name: row.slot_name,
    active: row.active,
    behindBytes: Number(row.behind),
    retainedBytes: Number(row.retained),
    walStatus: row.wal_status,
    confirmedLsn: row.confirmed,
  }));
}

/** Where this server's WAL ends now: what a subscriber must confirm to hold every commit so far. */
export async function currentWalPosition(store: Store): Promise<string> {
  const [{ lsn }] = (await store.manager.query('SELECT pg_current_wal_lsn()::text AS lsn')) as {
    lsn: string;
  }[];
  return lsn;
}

/** Whether every logical slot of this database has confirmed the WAL up to `lsn`. */
export async function slotsConfirmed(store: Store, lsn: string): Promise<boolean> {
  const [{ confirmed }] = (await store.manager.query(
    `SELECT COALESCE(bool_and(confirmed_flush_lsn >= $1::pg_lsn), false) AS confirmed
       FROM pg_replication_slots WHERE slot_type = 'logical' AND database = current_database()`,
    [lsn],
  )) as { confirmed: boolean }[];
  return confirmed;
}
