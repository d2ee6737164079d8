import type { DataSource } from 'typeorm';
import { deployBpmn } from '../src/store/deploy';
import { startInstance } from '../src/store/start-instance';
import { completeTask } from '../src/store/tasks';
import { queryTasks } from '../src/store/task-query';
import { FIVE_TASKS } from './engine-step';
import { measure, type Measurement } from './measure';

/**
 * Durable throughput: instances of the five-task process started and worked to the end through
 * the store, each command one transaction with its history. `concurrency` dossiers move at once.
 * Counts committed steps (1 start + 5 completions per instance).
 */
export async function benchStoreSteps(
  dataSource: DataSource,
  instances: number,
  concurrency: number,
): Promise<Measurement> {
  await deployBpmn(dataSource, FIVE_TASKS, { now: new Date() });
  let next = 0;
  const worker = async () => {
    while (next < instances) {
      next += 1;
      const now = new Date();
      const instance = await startInstance(dataSource, {
        key: 'five-tasks',
        variables: { missing: false },
        now,
      });
      for (;;) {
        const { tasks } = await queryTasks(
          dataSource,
          { processInstanceId: instance.id, state: 'OPEN' },
          { first: 1 },
        );
        if (tasks.length === 0) break;
        await completeTask(dataSource, { taskId: tasks[0].id, variables: {}, now: new Date() });
      }
    }
  };
  const result = await measure(instances * 6, () =>
    Promise.all(Array.from({ length: concurrency }, worker)).then(() => undefined),
  );
  return result;
}
