import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { evaluateFeel } from '../engine/feel';
import { timerSchedule } from '../engine/timer';
import { JobEntity, type ProcessDefinitionEntity } from './entities';
import { closeIncidentsOfJobs } from './incidents';
import { queryReturning } from './sql';

/**
 * A new version of a process takes over its timer start events: the older versions' start
 * timers are withdrawn and the new version's are set, each as a job that the runners fire.
 * A timer start event's FEEL sees no variables (there is no instance yet).
 */
export async function scheduleTimerStarts(
  manager: EntityManager,
  definition: ProcessDefinitionEntity,
  now: Date,
  calendar: WorkingCalendar,
): Promise<void> {
  const withdrawn = await queryReturning<{ id: string }>(
    manager,
    `DELETE FROM job WHERE kind = 'start'
        AND definition_id IN (SELECT id FROM process_definition WHERE key = $1)
     RETURNING id`,
    [definition.key],
  );
  await closeIncidentsOfJobs(
    manager,
    withdrawn.map(({ id }) => id),
    now,
  );
  const jobs = (definition.model.timerStarts ?? []).map((elementId, index): JobEntity => {
    const event = definition.model.nodes[elementId].event;
    if (event?.kind !== 'timer') throw new Error(`'${elementId}' is not a timer start event`);
    const text = event.expression.startsWith('=')
      ? String(evaluateFeel(event.expression.slice(1), {}, elementId))
      : event.expression;
    const { dueAt, repeat } = timerSchedule(event, text, elementId, now.toISOString(), calendar);
    return {
      id: randomUUID(),
      instanceId: null,
      definitionId: definition.id,
      waitId: index,
      kind: 'start',
      type: null,
      elementId,
      dueAt: new Date(dueAt),
      // The cycle keeps its beat even when a firing is retried late.
      repeat: repeat ? { ...repeat, beat: dueAt } : null,
      payload: null,
      retries: 3,
      lockedBy: null,
      lockedUntil: null,
      errorMessage: null,
      createdAt: now,
    };
  });
  if (jobs.length > 0) await manager.insert(JobEntity, jobs);
}
