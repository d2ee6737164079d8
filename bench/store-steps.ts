import { Store } from '../src/store/store';
import type { DataSource } from 'typeorm';
import { deployBpmn } from '../src/store/deploy';
import { preparedQuery } from '../src/store/prepared';
import { startInstance } from '../src/commands/start-process';
import { completeTask } from '../src/commands/tasks';
import { receiveDossier } from '../src/dossier/receive';
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
  start: (store: Store, now: Date) => Promise<{ id: string }> = startPlain,
): Promise<Measurement> {
  await deployBpmn(Store.of(dataSource), FIVE_TASKS, { now: new Date() });
  const dossier = async () => {
    const instance = await start(Store.of(dataSource), new Date());
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

/** The five-task process started on its own, without a dossier. */
function startPlain(store: Store, now: Date): Promise<{ id: string }> {
  return startInstance(store, { key: 'five-tasks', variables: { missing: false }, now });
}

/**
 * The five-task process started by a dossier's reception at a commune, as the desk does: its
 * steps then move the dossier's row too.
 */
export async function receiveBenchDossier(store: Store, now: Date): Promise<{ id: string }> {
  const dossier = await receiveDossier(
    store,
    {
      procedureKey: 'five-tasks',
      applicant: { kind: 'INDIVIDUAL', name: 'Nguyễn Văn Bench', phone: '0912345678' },
      channel: 'IN_PERSON',
      components: [],
      variables: { missing: false },
    },
    { username: 'bench', agency: { code: 'agency-7', name: 'Xã Bench', dossierPrefix: 'BENCH' } },
    now,
  );
  return { id: dossier.instanceId };
}
