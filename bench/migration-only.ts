import 'reflect-metadata';
import { migrateInstances, previewMigration } from '../src/commands/migrate-instances';
import { startInstance } from '../src/commands/start-process';
import { deployBpmn } from '../src/store/deploy';
import { Store } from '../src/store/store';
import { openBenchDatabase } from './bench-database';
import { FIVE_TASKS } from './engine-step';
import { measure, perSecond } from './measure';
import { runScript } from './script';

/**
 * `npm run bench:migration [-- --instances=N]`: instances of the five-task process waiting at
 * their first step move to a version whose first step is renamed (5,000 by default): the dry
 * run and the move, each instance in its own transaction. Prints figures, never a pass/fail.
 */
async function main(): Promise<void> {
  const argument = process.argv.find((a) => a.startsWith('--instances='));
  const instances = argument ? Number(argument.slice('--instances='.length)) : 5_000;
  const { dataSource, close } = await openBenchDatabase('bench-migration', 54393);
  const store = Store.of(dataSource);
  const now = new Date();
  try {
    await deployBpmn(store, FIVE_TASKS, { now });
    let started = 0;
    const starter = async () => {
      while (started < instances) {
        started += 1;
        await startInstance(store, { key: 'five-tasks', variables: { missing: false }, now });
      }
    };
    await Promise.all([starter(), starter(), starter(), starter()]);
    await deployBpmn(
      store,
      FIVE_TASKS.replaceAll('"receive"', '"intake"').replaceAll('>receive<', '>intake<'),
      { now },
    );
    const request = {
      key: 'five-tasks',
      fromVersion: 1,
      toVersion: 2,
      mapping: [{ from: 'receive', to: 'intake' }],
    };
    const preview = await measure(instances, async () => {
      const { movable } = await previewMigration(store, request);
      if (movable !== instances) throw new Error(`${movable} of ${instances} can move`);
    });
    console.log(
      `dry run over ${instances} instances\t${perSecond(preview).toFixed(0)} instances/s`,
    );
    const move = await measure(instances, async () => {
      const report = await migrateInstances(store, { ...request, by: 'bench', now: new Date() });
      if (report.migrated !== instances)
        throw new Error(`${report.migrated} of ${instances} moved`);
    });
    console.log(
      `migration of ${instances} instances, one transaction each\t${perSecond(move).toFixed(0)} instances/s`,
    );
  } finally {
    await close();
  }
}

runScript(main);
