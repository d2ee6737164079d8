import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { deploymentsByIds, instancesByIds } from '../store/by-ids';
import type { DeploymentEntity, ProcessInstanceEntity, TaskFormEntity } from '../store/entities';
import { taskFormVersions } from '../store/step-forms';

export interface Loaders {
  instance: DataLoader<string, ProcessInstanceEntity | null>;
  deployment: DataLoader<string, DeploymentEntity | null>;
  /** Every version of a task form, newest first: a page of tasks reads its forms at once. */
  taskFormVersions: DataLoader<string, TaskFormEntity[]>;
}

/** Made anew for each request, so nothing cached outlives it. */
export function createLoaders(dataSource: DataSource): Loaders {
  return {
    instance: new DataLoader((ids) => instancesByIds(dataSource, ids)),
    deployment: new DataLoader((ids) => deploymentsByIds(dataSource, ids)),
    taskFormVersions: new DataLoader(async (formIds) => {
      const versions = await taskFormVersions(dataSource.manager, formIds);
      return formIds.map((formId) => versions.get(formId) ?? []);
    }),
  };
}
