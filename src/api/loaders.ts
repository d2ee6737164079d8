import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { deploymentsByIds, instancesByIds } from '../store/by-ids';
import type { DeploymentEntity, ProcessInstanceEntity } from '../store/entities';

export interface Loaders {
  instance: DataLoader<string, ProcessInstanceEntity | null>;
  deployment: DataLoader<string, DeploymentEntity | null>;
}

/** Made anew for each request, so nothing cached outlives it. */
export function createLoaders(dataSource: DataSource): Loaders {
  return {
    instance: new DataLoader((ids) => instancesByIds(dataSource, ids)),
    deployment: new DataLoader((ids) => deploymentsByIds(dataSource, ids)),
  };
}
