import { In, type DataSource } from 'typeorm';
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

export function instancesByIds(dataSource: DataSource, ids: readonly string[]) {
  return byIds(
    async (list) =>
      (
        await preparedQuery(
          dataSource,
          'SELECT * FROM process_instance WHERE id = ANY($1::uuid[])',
          [list],
        )
      ).map((row) => entityFromRow(dataSource.manager, ProcessInstanceEntity, row)),
    ids,
  );
}

export function deploymentsByIds(dataSource: DataSource, ids: readonly string[]) {
  return byIds((list) => dataSource.getRepository(DeploymentEntity).findBy({ id: In(list) }), ids);
}
