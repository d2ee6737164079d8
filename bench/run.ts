import 'reflect-metadata';
import { benchBpmnEngine } from './bpmn-engine';
import { benchDossierLists } from './dossier-lists';
import { benchDueTimers } from './due-timers';
import { benchEngineStep } from './engine-step';
import { benchWhatIf } from './what-if';
import { durableRows } from './durable';
import { benchAgencyTasks, benchMyTasks, fillOpenTasks, type Latency } from './inbox';
import { perSecond, type Measurement } from './measure';
import { bytesPerWaitingInstanceInDatabase, bytesPerWaitingInstanceInMemory } from './memory';
import { benchMetricsQueries, fillProvince } from './metrics';
import { sizes } from './sizes';
import { openStepBench } from './step-bench';
import { createTable } from './table';

/**
 * `npm run bench` (add `-- --quick` for a short run). Prints each figure beside its target;
 * never a pass/fail. Uses DATABASE_URL when set, else a throw-away embedded PostgreSQL.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const size = sizes(quick);
  const table = createTable();
  const { row, count, cpu, throughput } = table;

  const ours = await benchEngineStep(size.engineInstances);
  throughput('engine step(): five-task instances in memory', ours, 'instances');
  const theirs = await benchBpmnEngine(size.bpmnEngineInstances);
  throughput('bpmn-engine 25: the same process, parsed once', theirs, 'instances');
  row('  ours / bpmn-engine', '', `${(perSecond(ours) / perSecond(theirs)).toFixed(0)}×`, '≥ 100×');
  const whatIf = await benchWhatIf(quick ? 4 : 26);
  throughput('what-if: a busy commune simulated week by week', whatIf, 'dossiers');

  const bench = await openStepBench('bench', 54398);
  const { dataSource, api } = bench;
  try {
    try {
      await durableRows(table, { ...bench, size });
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
      await bench.stopApi();
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
    await bench.close();
  }
  const inMemory = await bytesPerWaitingInstanceInMemory(size.waitingInMemory);
  row(
    'size: a waiting instance state on the heap',
    count(size.waitingInMemory),
    `${count(Math.round(inMemory))} bytes`,
  );
  table.print();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
