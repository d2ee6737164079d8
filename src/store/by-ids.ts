import type { Store } from './store';
import { In } from 'typeorm';
import { DeploymentEntity, ProcessInstanceEntity } from './entities';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';

/**
 * Rows by id in one query, answered in the order asked, null where there is none: what a
 * per-request loader batches many fields' look-ups into.
 */
async function byIds<T extends { id: string }>(
  load: (ids: string[]) => Promise<T[]>,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const found = new Map((await load([...ids])).map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

export function instancesByIds(store: Store, ids: readonly string[]) {
  return byIds(
    async (list) =>
      (
        await preparedQuery(
          store.manager,
          'SELECT * FROM process_instance WHERE id = ANY($1::uuid[])',
          [list],
        )
      ).map((row) => entityFromRow(store.manager, ProcessInstanceEntity, row)),
    ids,
  );
}

export function deploymentsByIds(store: Store, ids: readonly string[]) {
  return byIds(
    (list) => store.manager.getRepository(DeploymentEntity).findBy({ id: In(list) }),
    ids,
  );
}
