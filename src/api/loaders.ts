import DataLoader from 'dataloader';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { DeploymentEntity, ProcessInstanceEntity } from '../store/entities';

export interface Loaders {
  instance: DataLoader<string, ProcessInstanceEntity | null>;
  deployment: DataLoader<string, DeploymentEntity | null>;
}

/** Made anew for each request, so nothing cached outlives it. */
export function createLoaders(dataSource: DataSource): Loaders {
  return {
    instance: byId(dataSource, ProcessInstanceEntity),
    deployment: byId(dataSource, DeploymentEntity),
  };
}

function byId<T extends { id: string }>(
  dataSource: DataSource,
  entity: new () => T,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await dataSource
      .getRepository(entity)
      .findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
