import type { EffectHandler } from './write-plan';

/**
 * An event of the instance's history. A task's event names the task by its id, known by now:
 * created in this step, or open before it. History is written last (see planEffects).
 */
export const appendHistory: EffectHandler<'HISTORY'> = (effect, { plan, context, taskIds }) => {
  plan.writes.push({
    row: `history:${plan.writes.length}`,
    kind: 'insert',
    insert: {
      table: 'history_event',
      values: {
        instanceId: context.instanceId,
        eventType: effect.eventType,
        elementId: effect.elementId,
        elementType: effect.elementType,
        at: new Date(effect.at),
        actor: effect.actor ?? null,
        taskId: effect.waitId === undefined ? null : (taskIds.get(effect.waitId) ?? null),
        ...(effect.reason !== undefined && { reason: effect.reason }),
      },
    },
  });
};
