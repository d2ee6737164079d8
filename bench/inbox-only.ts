import 'reflect-metadata';
import { Store } from '../src/store/store';
import { deployBpmn } from '../src/store/deploy';
import { startBenchApi } from './bench-api';
import { openBenchDatabase } from './bench-database';
import { FIVE_TASKS } from './engine-step';
import { benchAgencyTasks, benchMyTasks, fillOpenTasks, type Latency } from './inbox';
import { perSecond } from './measure';
import { runScript } from './script';

/**
 * `npm run bench:inbox [-- --tasks=N]`: only the inbox's rows of the bench (open tasks written,
 * `myTasks`, a leader's `tasks` with and without totals), over 1,000,000 open tasks by default.
 */
async function main(): Promise<void> {
  const argument = process.argv.find((a) => a.startsWith('--tasks='));
  const tasks = argument ? Number(argument.slice('--tasks='.length)) : 1_000_000;
  const { dataSource, close } = await openBenchDatabase('bench-inbox', 54392);
  const line = (name: string, m: Latency) =>
    console.log(`${name}\tp50 ${m.p50.toFixed(1)} ms\tp95 ${m.p95.toFixed(1)} ms`);
  try {
    await deployBpmn(Store.of(dataSource), FIVE_TASKS, { now: new Date() });
    const fill = await fillOpenTasks(dataSource, tasks);
    console.log(`${tasks} open tasks written\t${perSecond(fill).toFixed(0)} tasks/s`);
    const api = await startBenchApi(dataSource);
    try {
      line('myTasks', await benchMyTasks(api, 300));
      const agency = await benchAgencyTasks(api, 300);
      line('tasks (open, first 50)', agency.page);
      line('  with totalCount', agency.withTotal);
      line('  overdue, with totalCount', agency.overdue);
    } finally {
      await api.stop();
    }
  } finally {
    await close();
  }
}

runScript(main);
