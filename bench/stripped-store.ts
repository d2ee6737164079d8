import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { openBenchDatabase } from './bench-database';
import { cpuEach, perSecond, printTable } from './measure';
import { runPgbench } from './pgbench';
import { postgresCpuClock } from './postgres-cpu';
import { benchStoreSteps } from './store-steps';

/**
 * `npm run bench:stripped` — an experiment, not a benchmark of the product: how close would the
 * store's durable throughput come to pgbench's if the database did less for each step? It runs
 * the store bench on the schema as shipped, then again after taking away, one after another, the
 * schema's triggers, foreign keys, GIN indexes and other secondary indexes, and the wait for the
 * commit's WAL flush. Each of those breaks something (the inbox, the rollups, integrity, a
 * crash's last commits), so the figures are a ceiling for "write less", not a plan. Each stage
 * keeps the ones before it taken away.
 *
 * It drops objects from the schema, so it runs only on its own embedded PostgreSQL.
 */
const STAGES: { name: string; strip?: (dataSource: DataSource) => Promise<void> }[] = [
  { name: 'the schema as shipped' },
  {
    name: '− triggers (inbox keys, step and dossier rollups, change notices)',
    strip: (dataSource) =>
      dropEach(
        dataSource,
        `SELECT format('DROP TRIGGER %I ON %s', tgname, tgrelid::regclass) AS sql
           FROM pg_trigger WHERE NOT tgisinternal`,
      ),
  },
  {
    name: '− foreign keys',
    strip: (dataSource) =>
      dropEach(
        dataSource,
        `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS sql
           FROM pg_constraint WHERE contype = 'f'`,
      ),
  },
  {
    name: '− GIN indexes (the inbox)',
    strip: (dataSource) =>
      dropEach(
        dataSource,
        `SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS sql
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'gin'`,
      ),
  },
  {
    name: '− other secondary indexes of instances, tasks, history',
    strip: (dataSource) =>
      dropEach(
        dataSource,
        `SELECT format('DROP INDEX %s', indexrelid::regclass) AS sql FROM pg_index
          WHERE NOT indisprimary AND NOT indisunique
            AND indrelid IN ('process_instance'::regclass, 'task'::regclass,
                             'history_event'::regclass)`,
      ),
  },
  {
    name: '− waiting for the WAL flush (synchronous_commit = off)',
    strip: async (dataSource) => {
      await dataSource.query('ALTER SYSTEM SET synchronous_commit = off');
      await dataSource.query('SELECT pg_reload_conf()');
      // The pool's open sessions keep the setting they started with.
      await dataSource.destroy();
      await dataSource.initialize();
    },
  },
];

/** Runs each statement that `query` returns in a column named `sql`. */
async function dropEach(dataSource: DataSource, query: string): Promise<void> {
  const statements: { sql: string }[] = await dataSource.query(query);
  for (const { sql } of statements) await dataSource.query(sql);
}

async function main(): Promise<void> {
  if (process.env.DATABASE_URL)
    throw new Error('bench:stripped drops triggers, keys and indexes: unset DATABASE_URL');
  const instances = Number(process.env.INSTANCES ?? 1_500);
  const { url, dataSource, close } = await openBenchDatabase('bench-stripped', 54397);
  try {
    const serverCpu = await postgresCpuClock(url);
    const pgbench = await runPgbench(url, { clients: 8, seconds: 30, scale: 10 }, serverCpu);
    if (!pgbench) throw new Error('no pgbench (apt-get install postgresql-client)');
    const rows = [
      ['store: committed steps, 8 dossiers at once', 'steps/s', '÷ pgbench', 'Node µs', 'PG µs'],
      ['pgbench TPC-B-like, 8 clients, scale 10, 30 s', pgbench.tps.toFixed(0), '', '', ''],
    ];
    // Rows in the tables first: analysed while empty, they would be planned as empty for a while.
    await benchStoreSteps(dataSource, 200, 8);
    for (const stage of STAGES) {
      await stage.strip?.(dataSource);
      // Fresh statistics, so that no stage's plans are chosen on the last one's dead rows.
      await dataSource.query('VACUUM ANALYZE');
      const m = await benchStoreSteps(dataSource, instances, 8, serverCpu);
      rows.push([
        rows.length === 2 ? stage.name : `  ${stage.name}`,
        perSecond(m).toFixed(0),
        (perSecond(m) / pgbench.tps).toFixed(2),
        cpuEach(m).node.toFixed(0),
        cpuEach(m).database?.toFixed(0) ?? '',
      ]);
    }
    printTable(rows);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
