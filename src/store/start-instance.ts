import type { DataSource } from 'typeorm';
import type { Variables } from '../engine/types';
import { latestDefinition } from './definitions';
import type { ProcessInstanceEntity } from './entities';
import { createInstance, findInstance } from './instances';
import { deliverMessages } from './messages';
import { inTransaction } from './transaction';

/** Starts the latest version of a process; messages its first step sends go out after the commit. */
export async function startInstance(
  dataSource: DataSource,
  input: {
    key: string;
    businessKey?: string | null;
    variables: Variables;
    actor?: string;
    /** The code of the agency that received the dossier. */
    agency?: string | null;
    now: Date;
  },
): Promise<ProcessInstanceEntity> {
  const { instance, sent } = await inTransaction(dataSource, async (manager) =>
    createInstance(manager, await latestDefinition(manager, input.key), input),
  );
  await deliverMessages(dataSource, sent, input.now);
  // Read it again: a called process that completed at once has already moved it on.
  return (await findInstance(dataSource, instance.id)) ?? instance;
}
