import { Store } from '../src/store/store';
import type { DataSource } from 'typeorm';
import { compileBpmn } from '../src/bpmn/compile';
import { step } from '../src/engine/step';
import type { InstanceState } from '../src/engine/types';
import { startInstance } from '../src/commands/start-process';
import { FIVE_TASKS } from './engine-step';

/** The tables an instance writes to while it waits, with their indexes and TOAST. */
const INSTANCE_TABLES = [
  'process_instance',
  'task',
  'history_event',
  'job',
  'message_subscription',
];

async function tablesBytes(dataSource: DataSource): Promise<number> {
  const [{ bytes }] = (await dataSource.query(
    `SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes
       FROM pg_class c WHERE c.relname = ANY($1) AND c.relkind = 'r'`,
    [INSTANCE_TABLES],
  )) as { bytes: string }[];
  return Number(bytes);
}

/**
 * Bytes a waiting instance of the five-task process costs in PostgreSQL (its row, its open task,
 * its history so far, with their indexes): `instances` started through the store, waiting at
 * their first step; the tables' size before and after (after VACUUM, as autovacuum leaves them).
 * The five-task process must be deployed.
 */
export async function bytesPerWaitingInstanceInDatabase(
  dataSource: DataSource,
  instances: number,
): Promise<number> {
  await dataSource.query(`VACUUM ${INSTANCE_TABLES.join(', ')}`);
  const before = await tablesBytes(dataSource);
  for (let i = 0; i < instances; i++) {
    await startInstance(Store.of(dataSource), {
      key: 'five-tasks',
      variables: { missing: false },
      now: new Date(),
    });
  }
  await dataSource.query(`VACUUM ${INSTANCE_TABLES.join(', ')}`);
  return ((await tablesBytes(dataSource)) - before) / instances;
}

/**
 * Bytes a waiting instance's state costs on the heap: `instances` states held at once, waiting
 * at the first step, measured as the heap's growth (run with --expose-gc for a settled figure).
 */
export async function bytesPerWaitingInstanceInMemory(instances: number): Promise<number> {
  const [model] = (await compileBpmn(FIVE_TASKS)).processes;
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  collect();
  const before = process.memoryUsage().heapUsed;
  const held: InstanceState[] = [];
  for (let i = 0; i < instances; i++) {
    held.push(
      step(
        model,
        undefined,
        { type: 'START', variables: { missing: false } },
        new Date().toISOString(),
      ).state,
    );
  }
  collect();
  const bytes = (process.memoryUsage().heapUsed - before) / instances;
  if (held.length !== instances) throw new Error('unreachable');
  return bytes;
}
