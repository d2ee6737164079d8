import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { PROJECT_ROOT } from '../src/config';
import { createDataSource } from '../src/store/data-source';
import { startEmbeddedPostgres } from '../src/store/embedded-postgres';
import { benchDueTimers } from './due-timers';
import { benchEngineStep } from './engine-step';
import { benchMetricsQueries, fillProvince } from './metrics';
import { perSecond, printTable } from './measure';
import { benchStoreSteps } from './store-steps';

/**
 * `npm run bench` (add `-- --quick` for a short run). Prints each figure; never a pass/fail.
 * Uses DATABASE_URL when set, else a throw-away embedded PostgreSQL.
 */
async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rows = [['benchmark', 'count', 'seconds', 'per second', 'CPU µs each']];
  const row = (name: string, m: { count: number; seconds: number; cpuSeconds: number }) =>
    rows.push([
      name,
      String(m.count),
      m.seconds.toFixed(2),
      perSecond(m).toFixed(0),
      ((m.cpuSeconds / m.count) * 1e6).toFixed(1),
    ]);

  row(
    'engine step(): five-task instances in memory',
    await benchEngineStep(quick ? 5_000 : 50_000),
  );

  const dataDir = path.join(PROJECT_ROOT, '.data', 'bench');
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!url) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: 54398,
      database: 'bench',
      persistent: false,
    });
    url = embedded.url;
    stop = embedded.stop;
  }
  const dataSource = createDataSource(url, { poolSize: 16 });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    row(
      'store: committed steps (start/complete), 8 at once',
      await benchStoreSteps(dataSource, quick ? 200 : 2_000, 8),
    );
    row(
      'jobs: due timers fired, 4 runners side by side',
      await benchDueTimers(dataSource, quick ? 500 : 5_000, 4),
    );
    const dossiers = quick ? 100_000 : 1_000_000;
    row(
      `metrics: a province's dossiers written with their rollup`,
      await fillProvince(dataSource, dossiers),
    );
    for (const [name, measurement] of await benchMetricsQueries(dataSource, quick ? 5 : 20)) {
      row(`metrics over ${dossiers.toLocaleString('en')} dossiers — ${name}`, measurement);
    }
  } finally {
    await dataSource.destroy();
    await stop();
  }
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
