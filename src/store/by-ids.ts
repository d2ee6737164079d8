import { In, type DataSource } from 'typeorm';
import { DeploymentEntity, ProcessInstanceEntity } from './entities';

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

export function instancesByIds(dataSource: DataSource, ids: readonly string[]) {
  return byIds(
    (list) => dataSource.getRepository(ProcessInstanceEntity).findBy({ id: In(list) }),
    ids,
  );
}

export function deploymentsByIds(dataSource: DataSource, ids: readonly string[]) {
  return byIds((list) => dataSource.getRepository(DeploymentEntity).findBy({ id: In(list) }), ids);
}
