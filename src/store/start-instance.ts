import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../errors';
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
  const { instance, sent, startedChildren } = await inTransaction(dataSource, async (manager) => {
    const definition = await latestDefinition(manager, input.key);
    if (input.businessKey && input.agency) {
      await claimDossierCode(manager, input.businessKey, input.agency);
    }
    return createInstance(manager, definition, input);
  });
  await deliverMessages(dataSource, sent, input.now);
  // A called process that completed at once, or a message it sent itself, has moved it on since
  // its first step: read it again then.
  if (!startedChildren && sent.length === 0) return instance;
  return (await findInstance(dataSource, instance.id)) ?? instance;
}

/**
 * A dossier code belongs to the agency that first received a dossier under it: another agency
 * may not start one with the same code (the citizen's look-up and its live changes follow the
 * code). Serialized per code, so two agencies cannot both take a new one at once.
 */
export async function claimDossierCode(
  manager: EntityManager,
  code: string,
  agency: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dossier-code:${code}`]);
  const [other] = (await manager.query(
    `SELECT agency FROM process_instance
      WHERE business_key = $1 AND parent_instance_id IS NULL AND agency <> $2
      LIMIT 1`,
    [code, agency],
  )) as { agency: string }[];
  if (other) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The dossier code '${code}' is used by agency '${other.agency}'`,
      { field: 'businessKey' },
    );
  }
}
