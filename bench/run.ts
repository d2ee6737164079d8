import { Store } from '../src/store/store';
import 'reflect-metadata';
import { deployBpmn } from '../src/store/deploy';
import { startBenchApi } from './bench-api';
import { openBenchDatabase } from './bench-database';
import { benchBpmnEngine } from './bpmn-engine';
import { benchDossierLists } from './dossier-lists';
import { benchDueTimers } from './due-timers';
import { benchEngineStep, FIVE_TASKS } from './engine-step';
import { benchGraphqlEmpty, benchGraphqlSteps } from './graphql-steps';
import { benchAgencyTasks, benchMyTasks, fillOpenTasks, type Latency } from './inbox';
import { cpuEach, perSecond, printTable, type Measurement } from './measure';
import { bytesPerWaitingInstanceInDatabase, bytesPerWaitingInstanceInMemory } from './memory';
import { benchMetricsQueries, fillProvince } from './metrics';
import { runPgbench } from './pgbench';
import { postgresCpuClock } from './postgres-cpu';
import { benchStoreSteps } from './store-steps';

/** How many of everything: `--quick` runs in under two minutes, the full run takes longer. */
function sizes(quick: boolean) {
  return {
    engineInstances: quick ? 5_000 : 50_000,
    bpmnEngineInstances: quick ? 200 : 1_000,
    pgbench: { clients: 8, seconds: quick ? 5 : 30, scale: quick ? 1 : 10 },
    storeInstances: quick ? 200 : 2_000,
    httpInstances: quick ? 100 : 1_000,
    emptyRequests: quick ? 3_000 : 12_000,
    concurrency: 8,
    timers: quick ? 500 : 5_000,
    openTasks: quick ? 200_000 : 1_000_000,
    inboxRounds: quick ? 100 : 500,
    dossiers: quick ? 100_000 : 1_000_000,
    metricsRounds: quick ? 5 : 20,
    waitingInDatabase: quick ? 300 : 2_000,
    waitingInMemory: quick ? 20_000 : 100_000,
  };
}

const HEADER = ['benchmark', 'count', 'figure', 'target', 'CPU µs each', 'PostgreSQL CPU µs each'];

/**
 * `npm run bench` (add `-- --quick` for a short run). Prints each figure beside its target;
 * never a pass/fail. Uses DATABASE_URL when set, else a throw-away embedded PostgreSQL.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const size = sizes(quick);
  const rows: string[][] = [HEADER];
  /** A row of the table; the cells it leaves out are empty. */
  const row = (...cells: string[]) =>
    rows.push([...cells, ...Array<string>(HEADER.length - cells.length).fill('')]);
  const count = (n: number) => n.toLocaleString('en');
  const micros = (each: number | undefined) => each?.toFixed(1) ?? '';
  const cpu = (m: Measurement) => micros(cpuEach(m).node);
  const databaseCpu = (m: Measurement) => micros(cpuEach(m).database);
  const rate = (m: Measurement, unit: string) => `${count(Math.round(perSecond(m)))} ${unit}/s`;
  /** A row of things done per second, with the CPU each took here and in the database. */
  const throughput = (name: string, m: Measurement, unit: string) =>
    row(name, count(m.count), rate(m, unit), '', cpu(m), databaseCpu(m));

  const ours = await benchEngineStep(size.engineInstances);
  throughput('engine step(): five-task instances in memory', ours, 'instances');
  const theirs = await benchBpmnEngine(size.bpmnEngineInstances);
  throughput('bpmn-engine 25: the same process, parsed once', theirs, 'instances');
  row('  ours / bpmn-engine', '', `${(perSecond(ours) / perSecond(theirs)).toFixed(0)}×`, '≥ 100×');

  const { url, dataSource, close } = await openBenchDatabase('bench', 54398);
  try {
    await deployBpmn(Store.of(dataSource), FIVE_TASKS, { now: new Date() });
    const serverCpu = await postgresCpuClock(url);

    const pgbench = await runPgbench(url, size.pgbench, serverCpu);
    const { clients, scale } = size.pgbench;
    /** A figure as a share of pgbench's, when pgbench ran. */
    const toPgbench = (m: Measurement, target = '') => {
      if (pgbench) row('  ÷ pgbench tx/s', '', (perSecond(m) / pgbench.tps).toFixed(2), target);
    };
    if (!pgbench) {
      row(`pgbench TPC-B-like`, '', 'not run: no pgbench (apt-get install postgresql-client)');
    } else {
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
    }
    const durable = (name: string, m: Measurement) => {
      throughput(name, m, 'steps');
      toPgbench(m, '≥ 0.5');
    };
    durable(
      `store: committed steps, ${size.concurrency} dossiers at once`,
      await benchStoreSteps(dataSource, size.storeInstances, size.concurrency, serverCpu),
    );
    const api = await startBenchApi(dataSource);
    try {
      durable(
        `GraphQL over HTTP: committed steps, ${size.concurrency} at once`,
        await benchGraphqlSteps(api, size.httpInstances, size.concurrency, serverCpu),
      );
      const empty = await benchGraphqlEmpty(api, size.emptyRequests, size.concurrency, serverCpu);
      throughput(
        `  beneath: an empty signed-in query ({ __typename }), ${size.concurrency} at once`,
        empty,
        'requests',
      );
      toPgbench(empty);
      const timers = await benchDueTimers(dataSource, size.timers, 4);
      throughput('jobs: due timers fired, 4 runners side by side', timers, 'timers');

      const fill = await fillOpenTasks(dataSource, size.openTasks);
      throughput(
        `inbox: ${count(size.openTasks)} open tasks written, 500 role-agency pairs`,
        fill,
        'tasks',
      );
      const inbox = await benchMyTasks(api, size.inboxRounds);
      const inboxName = `inbox: myTasks (first 50, counts) over HTTP, ${count(inbox.inboxSize)} tasks each`;
      row(`${inboxName} — p50`, count(inbox.count), `${inbox.p50.toFixed(1)} ms`);
      row(`${inboxName} — p95`, count(inbox.count), `${inbox.p95.toFixed(1)} ms`, '≤ 15 ms');
      const agency = await benchAgencyTasks(api, size.inboxRounds);
      const percentiles = (m: Latency) => `${m.p50.toFixed(1)} / ${m.p95.toFixed(1)} ms`;
      const agencyName = "inbox: a leader's open tasks of the agency (tasks, first 50) over HTTP";
      row(`${agencyName} — p50 / p95`, count(agency.page.count), percentiles(agency.page));
      row(
        '  the same with its totalCount — p50 / p95',
        count(agency.withTotal.count),
        percentiles(agency.withTotal),
        '≤ 50 ms p95',
      );
      row(
        '  its overdue ones with their totalCount — p50 / p95',
        count(agency.overdue.count),
        percentiles(agency.overdue),
        '≤ 20 ms p95',
      );
    } finally {
      await api.stop();
    }

    const province = await fillProvince(dataSource, size.dossiers);
    throughput(`metrics: a province's dossiers written with their rollup`, province, 'dossiers');
    /** A row of a query's mean time. */
    const latency = (name: string, m: Measurement, target = '') =>
      row(name, count(m.count), `${((m.seconds / m.count) * 1000).toFixed(1)} ms`, target, cpu(m));
    for (const [name, m] of await benchMetricsQueries(dataSource, size.metricsRounds)) {
      const target = name.startsWith('the same province') ? '(for comparison)' : '≤ 100 ms';
      latency(`metrics over ${count(size.dossiers)} dossiers — ${name}`, m, target);
    }
    for (const [name, m] of await benchDossierLists(dataSource, size.metricsRounds)) {
      latency(`dossiers: one commune's list, first 50 and total — ${name}`, m);
    }

    const inDatabase = await bytesPerWaitingInstanceInDatabase(dataSource, size.waitingInDatabase);
    row(
      'size: a waiting instance in PostgreSQL (rows, indexes)',
      count(size.waitingInDatabase),
      `${count(Math.round(inDatabase))} bytes`,
    );
  } finally {
    await close();
  }
  const inMemory = await bytesPerWaitingInstanceInMemory(size.waitingInMemory);
  row(
    'size: a waiting instance state on the heap',
    count(size.waitingInMemory),
    `${count(Math.round(inMemory))} bytes`,
  );
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
