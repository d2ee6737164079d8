import 'reflect-metadata';
import { Store } from '../src/store/store';
import { deployBpmn } from '../src/store/deploy';
import { startBenchApi } from './bench-api';
import { openBenchDatabase } from './bench-database';
import { durableRows } from './durable';
import { FIVE_TASKS } from './engine-step';
import { postgresCpuClock } from './postgres-cpu';
import { sizes } from './sizes';
import { createTable } from './table';
import { runScript } from './script';

/**
 * `npm run bench:peers` (add `-- --quick`): only the durable rows of `npm run bench` — pgbench,
 * our committed steps through the store and over GraphQL, DBOS Transact and graphile-worker —
 * with what each unit writes, on one server.
 */
async function main(): Promise<void> {
  const size = sizes(process.argv.includes('--quick'));
  const table = createTable();
  const { url, dataSource, close } = await openBenchDatabase('bench-peers', 54391);
  try {
    await deployBpmn(Store.of(dataSource), FIVE_TASKS, { now: new Date() });
    const serverCpu = await postgresCpuClock(url);
    const api = await startBenchApi(dataSource);
    try {
      await durableRows(table, { url, dataSource, api, serverCpu, size });
    } finally {
      await api.stop();
    }
  } finally {
    await close();
  }
  table.print();
}

runScript(main);
