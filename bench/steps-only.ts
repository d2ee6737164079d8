import 'reflect-metadata';
import { groupCommitOf } from '../src/store/group-commit';
import { startBenchApi } from './bench-api';
import { openBenchDatabase } from './bench-database';
import { benchGraphqlSteps } from './graphql-steps';
import { cpuEach, perSecond, type Measurement } from './measure';
import { postgresCpuClock } from './postgres-cpu';
import { benchStoreSteps } from './store-steps';
import { runScript } from './script';

/**
 * `npm run bench:steps`: only the store's and GraphQL's committed steps, three rounds each after
 * a warm-up, a line a round. Short enough to run two checkouts one after the other, several
 * times, and compare their medians on a machine whose load moves.
 */
async function main(): Promise<void> {
  const { url, dataSource, close } = await openBenchDatabase('bench-steps', 54390);
  const cpu = await postgresCpuClock(url);
  const line = (name: string, m: Measurement) => {
    const { node, database } = cpuEach(m);
    const { transactions, members } = groupCommitOf(dataSource).committed;
    console.log(
      `${name}\t${perSecond(m).toFixed(0)} steps/s\tNode ${node?.toFixed(0)} µs\tPostgreSQL ${database?.toFixed(0)} µs\t${(members / transactions).toFixed(2)} a commit`,
    );
  };
  try {
    await benchStoreSteps(dataSource, 60, 8, cpu);
    for (let round = 0; round < 3; round++) {
      line('store', await benchStoreSteps(dataSource, 300, 8, cpu));
    }
    const api = await startBenchApi(dataSource);
    try {
      await benchGraphqlSteps(api, 30, 8, cpu);
      for (let round = 0; round < 3; round++) {
        line('graphql', await benchGraphqlSteps(api, 150, 8, cpu));
      }
    } finally {
      await api.stop();
    }
  } finally {
    await close();
  }
}

runScript(main);
