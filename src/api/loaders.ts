import DataLoader from 'dataloader';
import type { Store } from '../store/store';
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
export function createLoaders(store: Store): Loaders {
  return {
    instance: new DataLoader((ids) => instancesByIds(store, ids)),
    deployment: new DataLoader((ids) => deploymentsByIds(store, ids)),
    taskFormVersions: new DataLoader(async (formIds) => {
      const versions = await taskFormVersions(store, formIds);
      return formIds.map((formId) => versions.get(formId) ?? []);
    }),
  };
}
