import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/store/data-source';
import { Store } from '../../src/store/store';

export interface TestDatabase {
  dataSource: DataSource;
  /** The same database as the service's code sees it. */
  store: Store;
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url)
    throw new Error('TEST_DATABASE_ADMIN_URL is unset: run the tests through jest (global setup)');
  return url;
}

/** A new, migrated database for one test file: tests never share rows. */
export async function createTestDatabase(
  options: { migrate?: boolean; portalSync?: boolean } = {},
): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), {
    poolSize: 5,
    portalSync: options.portalSync,
  });
  await dataSource.initialize();
  if (options.migrate ?? true) await dataSource.runMigrations();
  return {
    dataSource,
    store: Store.of(dataSource),
    url: url.toString(),
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * The database at `url`, migrated, as a test database: on a server of the test's own, which the
 * test removes with its folder (`drop` only disconnects).
 */
export async function databaseAt(url: string): Promise<TestDatabase> {
  const dataSource = createDataSource(url, { poolSize: 5 });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    store: Store.of(dataSource),
    url,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const TABLES = [
  'deployment',
  'process_definition',
  'process_instance',
  'task',
  'history_event',
  'message_subscription',
  'message_start',
  'job',
  'incident',
  'calendar_table',
  'agency',
  'officer',
  'role_membership',
  'absence',
  'audit_event',
  'auth_key',
  'dossier',
  'dossier_sequence',
  'dossier_form',
  'dossier_paper',
  'dossier_payment',
  'dossier_feedback',
  'desk_notice',
  'dossier_rollup',
  'dossier_duration_rollup',
  'step_rollup',
  'service_index_input',
  'task_form',
  'task_hand_on',
  'dispatch',
  'notification_template',
  'signed_result',
];

/**
 * Every row of every table, to show that a refused call changed nothing. The audit log is left
 * out: it records refused calls too, by design (the audit tests check it).
 */
export async function snapshotDatabase(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of TABLES.filter((name) => name !== 'audit_event')) {
    snapshot[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
  }
  return snapshot;
}
