import { IsNull } from 'typeorm';
import type { Store } from './store';
import { instancesByIds } from './by-ids';
import { ProcessInstanceEntity } from './entities';

export async function findInstance(
  store: Store,
  id: string,
): Promise<ProcessInstanceEntity | null> {
  if (!isUuid(id)) return null;
  const [instance] = await instancesByIds(store, [id]);
  return instance;
}

/** The dossier with this code: the latest top-level instance of that business key. */
export function findDossierInstance(
  store: Store,
  code: string,
): Promise<ProcessInstanceEntity | null> {
  return store.manager.getRepository(ProcessInstanceEntity).findOne({
    where: { businessKey: code, parentInstanceId: IsNull() },
    order: { startedAt: 'DESC' },
  });
}

export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/** The instances an instance's call activities started, oldest first. */
export function childrenOf(store: Store, instanceId: string): Promise<ProcessInstanceEntity[]> {
  return store.manager.getRepository(ProcessInstanceEntity).find({
    where: { parentInstanceId: instanceId },
    order: { startedAt: 'ASC', parentWaitId: 'ASC', id: 'ASC' },
  });
}
