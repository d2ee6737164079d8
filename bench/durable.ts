import type { DataSource } from 'typeorm';
import type { BenchApi } from './bench-api';
import { benchGraphqlEmpty, benchGraphqlSteps } from './graphql-steps';
import { perSecond, type CpuClock, type Measurement } from './measure';
import { benchDbos } from './peers/dbos';
import { BATCH_DELAY_MS, benchGraphileWorker } from './peers/graphile-worker';
import { runPgbench } from './pgbench';
import { benchStoreSteps } from './store-steps';
import type { Table } from './table';
import { countWrites, flushPoolStats, poolOf } from './writes';

export interface DurableContext {
  url: string;
  dataSource: DataSource;
  api: BenchApi;
  serverCpu: CpuClock;
  size: {
    pgbench: { clients: number; seconds: number; scale: number };
    storeInstances: number;
    httpInstances: number;
    emptyRequests: number;
    concurrency: number;
    dbos: { fiveSteps: number; fiveMessages: number };
    graphileChains: number;
  };
}

/** Writes a row of a figure as a share of pgbench's tx/s, when pgbench ran. */
type ToPgbench = (m: Measurement, target?: string) => void;

/**
 * The durable rows, on one server in one run: pgbench's yardstick, our committed steps through the
 * store and over GraphQL, and the durable-workflow peers doing the nearest thing, with what each
 * unit writes to the database where that is counted.
 */
export async function durableRows(table: Table, context: DurableContext): Promise<void> {
  const toPgbench = await pgbenchRows(table, context);
  const ours = await ourStepRows(table, context, toPgbench);
  await peerRows(table, context, toPgbench, ours);
}

async function pgbenchRows(table: Table, { url, size, serverCpu }: DurableContext) {
  const { row, count, micros, throughput } = table;
  const pgbench = await runPgbench(url, size.pgbench, serverCpu);
  const toPgbench: ToPgbench = (m, target = '') => {
    if (pgbench) row('  ÷ pgbench tx/s', '', (perSecond(m) / pgbench.tps).toFixed(2), target);
  };
  const { clients, scale } = size.pgbench;
  if (!pgbench) {
    row(`pgbench TPC-B-like`, '', 'not run: no pgbench (apt-get install postgresql-client)');
    return toPgbench;
  }
  row(
    `pgbench TPC-B-like, ${clients} clients, scale ${scale}, prepared`,
    `${pgbench.seconds} s`,
    `${count(Math.round(pgbench.tps))} tx/s`,
    '',
    '',
    micros(pgbench.databaseCpuEach === undefined ? undefined : pgbench.databaseCpuEach * 1e6),
  );
  throughput(
    `  the same transactions sent from Node (node-pg), ${clients} connections`,
    pgbench.fromNode,
    'tx',
  );
  toPgbench(pgbench.fromNode);
  return toPgbench;
}

async function ourStepRows(table: Table, context: DurableContext, toPgbench: ToPgbench) {
  const { url, dataSource, api, serverCpu, size } = context;
  const writes = countWrites(url, () => flushPoolStats(poolOf(dataSource)));
  // The targets: the store at half of pgbench; GraphQL at about 0.2 (twice DBOS's
  // five-message workflows, compared below).
  const durable = (name: string, m: Measurement, target: string) => {
    table.throughput(name, m, 'steps');
    toPgbench(m, target);
    return m;
  };
  const store = durable(
    `store: committed steps, ${size.concurrency} dossiers at once`,
    await benchStoreSteps(dataSource, size.storeInstances, size.concurrency, serverCpu, writes),
    '≥ 0.5',
  );
  const graphql = durable(
    `GraphQL over HTTP: committed steps, ${size.concurrency} at once`,
    await benchGraphqlSteps(api, size.httpInstances, size.concurrency, serverCpu, writes),
    '≈ 0.2',
  );
  const empty = await benchGraphqlEmpty(api, size.emptyRequests, size.concurrency, serverCpu);
  table.throughput(
    `  beneath: an empty signed-in query ({ __typename }), ${size.concurrency} at once`,
    empty,
    'requests',
  );
  toPgbench(empty);
  return { store, graphql };
}

async function peerRows(
  table: Table,
  { url, serverCpu, size }: DurableContext,
  toPgbench: ToPgbench,
  ours: { store: Measurement; graphql: Measurement },
) {
  const { row, throughput } = table;
  const peer = (name: string, m: Measurement, unit: string) => {
    throughput(name, m, unit);
    toPgbench(m);
  };
  const n = size.concurrency;
  const dbos = await benchDbos(url, size.dbos, n, serverCpu);
  peer(
    `DBOS Transact 5: five-step workflows (start + 5 steps), ${n} clients`,
    dbos.fiveSteps,
    'units',
  );
  peer(
    `DBOS Transact 5: five-message workflows (start + 5 recv), ${n} in flight`,
    dbos.fiveMessages,
    'units',
  );
  const ratio = (ours: Measurement, theirs: Measurement) =>
    `${(perSecond(ours) / perSecond(theirs)).toFixed(2)}×`;
  row('  GraphQL ÷ DBOS five-message', '', ratio(ours.graphql, dbos.fiveMessages), '≥ 2×');
  row('  store ÷ DBOS five-step', '', ratio(ours.store, dbos.fiveSteps), '≥ 1×');
  const graphile = await benchGraphileWorker(url, size.graphileChains, n, serverCpu);
  peer(
    `graphile-worker 0.18: five-job chains, ${n} workers, ${n} chains in flight`,
    graphile.plain,
    'jobs',
  );
  peer(
    `  the same with its batching (local queue of ${n + 1}, completions batched over ${BATCH_DELAY_MS} ms)`,
    graphile.batched,
    'jobs',
  );
}
