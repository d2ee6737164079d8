import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { serviceIndex, serviceIndexes } from '../src/metrics/service-index';
import { dossierMetrics } from '../src/store/figures/dossier-metrics';
import { Store } from '../src/store/store';
import { startBenchApi } from './bench-api';
import { openBenchDatabase } from './bench-database';
import { benchMyTasks, fillOpenTasks } from './inbox';
import { measure, measureRounds, perSecond, printTable, type Measurement } from './measure';
import { AGENCIES, createMonths, DAYS, fillDossiers, recordTemplate } from './province-fill';
import { runScript } from './script';
import { benchStoreSteps, receiveBenchDossier } from './store-steps';

/**
 * `npm run bench:province [-- --dossiers=N --first=N --open-tasks=N]`: a province's three years,
 * filled to `first` dossiers (1,000,000) and measured, then to N (10,000,000) and measured again,
 * side by side: the dashboards' figures, the inbox, the step rate, and the bytes a dossier keeps.
 * The first fill writes every dossier's history and tasks; beyond it, only the last year's do
 * (at some 10 kB a dossier, three years of ten million would not fit this machine's disk), so
 * the history and task tables hold some 1.3 years' worth, what a province keeps live when it
 * archives each past year (npm run archive).
 */
async function main(): Promise<void> {
  const option = (name: string, otherwise: number) => {
    const found = process.argv.find((a) => a.startsWith(`--${name}=`));
    return found ? Number(found.slice(name.length + 3)) : otherwise;
  };
  const total = option('dossiers', 10_000_000);
  const firstSize = Math.min(total, option('first', 1_000_000));
  const openTasks = option('open-tasks', 1_000_000);
  const { dataSource, close } = await openBenchDatabase('bench-province', 54394);
  try {
    await recordTemplate(dataSource);
    await createMonths(dataSource);
    const fill = await fillOpenTasks(dataSource, openTasks);
    console.log(`${openTasks} open tasks written in ${fill.seconds.toFixed(0)} s`);
    const columns: Record<string, string>[] = [];
    const empty = await dossierBytes(dataSource);
    for (const [from, to, historyDays] of [
      [1, firstSize, DAYS],
      [firstSize + 1, total, 365],
    ]) {
      if (to < from) continue;
      const written = await measure(to - from + 1, () =>
        fillDossiers(dataSource, from, to, historyDays),
      );
      await dataSource.query('VACUUM ANALYZE');
      console.log(`${to} dossiers: ${perSecond(written).toFixed(0)} dossiers/s written`);
      const column = await measureProvince(dataSource, to);
      if (historyDays === DAYS)
        column['bytes a dossier keeps: its row, instance, history and tasks, with indexes'] =
          `${(((await dossierBytes(dataSource)) - empty) / to).toFixed(0)} B`;
      columns.push(column);
    }
    const names = Object.keys(columns[0]);
    printTable([
      ['', ...columns.map((_, i) => (i === 0 ? 'at the first size' : 'at the full size'))],
      ...names.map((name) => [name, ...columns.map((column) => column[name] ?? '')]),
    ]);
  } finally {
    await close();
  }
}

/** One column of the table: every figure at the province's present size. */
async function measureProvince(dataSource: DataSource, dossiers: number) {
  const store = Store.of(dataSource);
  const now = new Date();
  const year = { from: isoDay(-365), to: isoDay(0) };
  const quarter = { from: isoDay(-91), to: isoDay(0) };
  const ms = (m: Measurement) => `${((m.seconds / m.count) * 1000).toFixed(1)} ms`;
  // After one call, as a running server answers: a connection's first query over the month
  // partitions reads their catalog, once.
  const rounds = async (work: () => Promise<unknown>) => {
    await work();
    return ms(await measureRounds(10, work));
  };
  const agencies = Array.from({ length: AGENCIES }, (_, i) => `agency-${i}`);
  const column: Record<string, string> = {
    dossiers: dossiers.toLocaleString('en'),
    'dossierMetrics: the province, a year, by agency, with p90': await rounds(() =>
      dossierMetrics(store, year, ['AGENCY'], now, { p90: true }),
    ),
    'dossierMetrics: one commune, a quarter, with p90': await rounds(() =>
      dossierMetrics(store, { ...quarter, agencyCodes: ['agency-7'] }, [], now, { p90: true }),
    ),
    'serviceIndex: one commune, a year': await rounds(() =>
      serviceIndex(store, 'agency-7', year, now),
    ),
    'serviceIndex: every commune of the province, a year': await rounds(() =>
      serviceIndexes(store, agencies, year, now),
    ),
  };
  const api = await startBenchApi(dataSource);
  try {
    const inbox = await benchMyTasks(api, 300, `inbox-${dossiers}`);
    column['inbox: myTasks p50 / p95'] = `${inbox.p50.toFixed(1)} / ${inbox.p95.toFixed(1)} ms`;
  } finally {
    await api.stop();
  }
  const median = async (start?: Parameters<typeof benchStoreSteps>[5]) => {
    const rates: number[] = [];
    for (let round = 0; round < 3; round++)
      rates.push(perSecond(await benchStoreSteps(dataSource, 300, 8, null, undefined, start)));
    return `${rates.sort((a, b) => a - b)[1].toFixed(0)} steps/s`;
  };
  column['store: committed steps, 8 at once (median of 3)'] = await median();
  column['  the same, each instance a dossier received at the desk'] =
    await median(receiveBenchDossier);
  return column;
}

/** The on-disk size of the tables a dossier writes to, indexes included. */
async function dossierBytes(dataSource: DataSource): Promise<number> {
  const [{ bytes }] = (await dataSource.query(
    `SELECT (SELECT sum(pg_total_relation_size(relid))
               FROM unnest(ARRAY['dossier', 'history_event']::regclass[]) t,
                    LATERAL pg_partition_tree(t) WHERE isleaf)
            + pg_total_relation_size('process_instance') + pg_total_relation_size('task') AS bytes`,
  )) as { bytes: string }[];
  return Number(bytes);
}

/** The office's date `days` from today, as YYYY-MM-DD. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

runScript(main);
