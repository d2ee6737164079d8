import { randomUUID } from 'node:crypto';
import { DossierEntity, ProcessInstanceEntity, SignedResultEntity } from './entities';
import type { Store } from './store';

/** What is kept of a signed result: all but its id, which the store gives. */
export type NewSignedResult = Omit<SignedResultEntity, 'id'>;

/**
 * Keeps a signed result and marks its dossier signed (the rollup then counts it as an electronic
 * result once returned), in the caller's transaction.
 */
export async function insertSignedResult(tx: Store, result: NewSignedResult): Promise<void> {
  await tx.manager.insert(SignedResultEntity, { id: randomUUID(), ...result });
  await tx.manager.update(DossierEntity, { code: result.dossierCode }, { resultSigned: true });
}

/** The dossier's last signed result, with its PDF; null when none was signed. */
export function lastSignedResult(
  store: Store,
  dossierCode: string,
): Promise<SignedResultEntity | null> {
  return store.manager.findOne(SignedResultEntity, {
    where: { dossierCode },
    order: { signedAt: 'DESC' },
  });
}

/**
 * The dossier a process instance works on: the one it was started for, or, for a called
 * process, the one its business key names. Null for a process run without a dossier.
 */
export async function dossierOfInstance(
  store: Store,
  instanceId: string,
): Promise<DossierEntity | null> {
  const started = await store.manager.findOneBy(DossierEntity, { instanceId });
  if (started) return started;
  const instance = await store.manager.findOneBy(ProcessInstanceEntity, { id: instanceId });
  if (!instance?.businessKey) return null;
  return store.manager.findOneBy(DossierEntity, { code: instance.businessKey });
}
