import 'reflect-metadata';
import { durableRows } from './durable';
import { sizes } from './sizes';
import { openStepBench } from './step-bench';
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
  const bench = await openStepBench('bench-peers', 54391);
  try {
    await durableRows(table, { ...bench, size });
  } finally {
    await bench.close();
  }
  table.print();
}

runScript(main);
