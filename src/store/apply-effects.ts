import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Effect } from '../engine/types';
import { TaskEntity } from './entities';
import { appendHistory } from './history';

/**
 * Writes a step's effects inside the transaction that holds the instance's row lock: tasks
 * opened and closed, and history appended in the order the engine produced it.
 */
export async function applyEffects(
  manager: EntityManager,
  instanceId: string,
  effects: readonly Effect[],
  now: Date,
): Promise<void> {
  const newTasks: Partial<TaskEntity>[] = [];
  const taskIds = new Map<number, string>();
  for (const effect of effects) {
    if (effect.type === 'CREATE_TASK') {
      const id = randomUUID();
      taskIds.set(effect.waitId, id);
      newTasks.push({
        id,
        instanceId,
        waitId: effect.waitId,
        elementId: effect.elementId,
        name: effect.name ?? null,
        candidateGroups: effect.candidateGroups,
        state: 'OPEN',
        createdAt: now,
      });
    }
  }
  if (newTasks.length > 0) await manager.insert(TaskEntity, newTasks);

  for (const effect of effects) {
    if (effect.type === 'COMPLETE_TASK') {
      const task = await manager.findOneByOrFail(TaskEntity, { instanceId, waitId: effect.waitId });
      taskIds.set(effect.waitId, task.id);
      await manager.update(
        TaskEntity,
        { id: task.id },
        { state: 'COMPLETED', endedAt: now, completedBy: effect.actor ?? task.assignee },
      );
    }
  }

  await appendHistory(
    manager,
    instanceId,
    effects.flatMap((effect) =>
      effect.type === 'HISTORY'
        ? [
            {
              eventType: effect.eventType,
              elementId: effect.elementId,
              elementType: effect.elementType,
              at: new Date(effect.at),
              actor: effect.actor ?? null,
              taskId: effect.waitId === undefined ? null : (taskIds.get(effect.waitId) ?? null),
            },
          ]
        : [],
    ),
  );
}
