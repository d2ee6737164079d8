import { Store } from '../src/store/store';
import type { DataSource } from 'typeorm';
import { deployBpmn } from '../src/store/deploy';
import { preparedQuery } from '../src/store/prepared';
import { startInstance } from '../src/commands/start-process';
import { completeTask } from '../src/commands/tasks';
import { FIVE_TASKS } from './engine-step';
import { measureConcurrently, type CpuClock, type Measurement } from './measure';
import type { WritesCounter } from './writes';

/**
 * Durable throughput: instances of the five-task process started and worked to the end through
 * the store, each command one transaction with its history. `concurrency` dossiers move at once.
 * Counts committed steps (1 start + 5 completions per instance).
 */
export async function benchStoreSteps(
  dataSource: DataSource,
  instances: number,
  concurrency: number,
  databaseCpu: CpuClock = null,
  writes?: WritesCounter,
): Promise<Measurement> {
  await deployBpmn(Store.of(dataSource), FIVE_TASKS, { now: new Date() });
  const dossier = async () => {
    const now = new Date();
    const instance = await startInstance(Store.of(dataSource), {
      key: 'five-tasks',
      variables: { missing: false },
      now,
    });
    // The officer's next task: the read an inbox makes, one indexed query prepared once.
    const nextTask = async () =>
      (
        await preparedQuery<{ id: string }>(
          dataSource,
          `SELECT id FROM task WHERE instance_id = $1 AND state = 'OPEN' ORDER BY seq LIMIT 1`,
          [instance.id],
        )
      )[0];
    for (let task = await nextTask(); task; task = await nextTask()) {
      await completeTask(Store.of(dataSource), { taskId: task.id, variables: {}, now: new Date() });
    }
  };
  return measureConcurrently(instances, concurrency, dossier, {
    countEach: 6,
    databaseCpu,
    writes,
  });
}
