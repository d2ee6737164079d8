import { Store } from '../src/store/store';
import { deployBpmn } from '../src/store/deploy';
import { startBenchApi, type BenchApi } from './bench-api';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { FIVE_TASKS } from './engine-step';
import type { CpuClock } from './measure';
import { postgresCpuClock } from './postgres-cpu';

export interface StepBench extends BenchDatabase {
  /** The API over HTTP on the same database. */
  api: BenchApi;
  /** PostgreSQL's CPU, read from its processes. */
  serverCpu: CpuClock;
  /** Stops the API early: it listens for change notices, which a bulk fill would make it read. */
  stopApi(): Promise<void>;
}

/**
 * What the durable rows run on: the bench database with the five-task process deployed, a clock
 * of PostgreSQL's CPU, and the API server. `close` stops the API (unless stopped) and the database.
 */
export async function openStepBench(name: string, port: number): Promise<StepBench> {
  const database = await openBenchDatabase(name, port);
  try {
    await deployBpmn(Store.of(database.dataSource), FIVE_TASKS, { now: new Date() });
    const serverCpu = await postgresCpuClock(database.url);
    const api = await startBenchApi(database.dataSource);
    let stopped: Promise<void> | undefined;
    const stopApi = () => (stopped ??= api.stop());
    return {
      ...database,
      api,
      serverCpu,
      stopApi,
      close: async () => {
        await stopApi();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
