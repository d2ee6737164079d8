import { randomUUID } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { EntityManager } from 'typeorm';
import type { Effect } from '../engine/types';
import { agencyOfKind } from './agency-of-kind';
import { HistoryEventEntity, JobEntity, MessageSubscriptionEntity, TaskEntity } from './entities';
import type { NewHistoryEvent } from './history';
import { closeIncidentsOfJobs } from './incidents';
import { preparedQuery } from './prepared';
import { queryReturning, WriteBatch } from './sql';

/**
 * A message a step sent: a job row written with the step (the outbox), delivered once the step's
 * transaction has committed, or by a job runner should the sender die first.
 */
export interface SentMessage {
  jobId: string;
}

/** How long a sent message is left to its sender to deliver before job runners take it. */
export const SENDER_DELIVERS_WITHIN_MS = 2000;

/** What a step asks of other instances: call activities to start and to cancel. */
export interface EffectOutcome {
  sent: SentMessage[];
  startChildren: Extract<Effect, { type: 'START_CHILD' }>[];
  cancelChildren: number[];
  throwsToParent: Extract<Effect, { type: 'THROW_TO_PARENT' }>[];
  /** The tasks the step closed (completed or canceled), as their rows now are, by wait id. */
  closedTasks: Map<number, Record<string, unknown>>;
}

export interface ApplyOptions {
  /** When tasks the caller already read were created (by wait id), to save reading them again. */
  taskCreatedAt?: ReadonlyMap<number, Date>;
  /**
   * The statement that ends the step (its instance's new state), sent together with the step's
   * last inserts and its history: built with the batch's parameters.
   */
  finish?: (batch: WriteBatch) => string;
}

/**
 * Writes a step's effects inside the transaction that holds the instance's row lock, in the
 * order the engine produced them: tasks opened, completed and canceled, message waits opened and
 * closed, history appended. Inserts are batched; anything that touches a row waits for the
 * batch that creates it. Returns the messages to send after the commit.
 */
export async function applyEffects(
  manager: EntityManager,
  instanceId: string,
  effects: readonly Effect[],
  now: Date,
  calendar: WorkingCalendar,
  options: ApplyOptions = {},
): Promise<EffectOutcome> {
  const { taskCreatedAt } = options;
  const taskIds = new Map<number, string>();
  const newTasks: Partial<TaskEntity>[] = [];
  const newSubscriptions: MessageSubscriptionEntity[] = [];
  const newJobs: JobEntity[] = [];
  const history: (Omit<NewHistoryEvent, 'taskId'> & { waitId?: number })[] = [];
  const sent: SentMessage[] = [];
  const startChildren: EffectOutcome['startChildren'] = [];
  const cancelChildren: number[] = [];
  const throwsToParent: EffectOutcome['throwsToParent'] = [];
  const closedTasks: EffectOutcome['closedTasks'] = new Map();
  /** The rows created so far and not yet written, taken for one statement. */
  const pending = () =>
    new WriteBatch()
      .insert(manager, TaskEntity, newTasks.splice(0))
      .insert(manager, MessageSubscriptionEntity, newSubscriptions.splice(0))
      .insert(manager, JobEntity, newJobs.splice(0));
  const flush = () => pending().run(manager);
  const job = (
    waitId: number,
    fields: Pick<JobEntity, 'kind' | 'type' | 'elementId' | 'dueAt' | 'retries'>,
  ): JobEntity => ({
    id: randomUUID(),
    instanceId,
    definitionId: null,
    waitId,
    ...fields,
    repeat: null,
    payload: null,
    lockedBy: null,
    lockedUntil: null,
    errorMessage: null,
    createdAt: now,
  });
  const deleteJob = async (waitId: number) => {
    await flush();
    const gone = await queryReturning<{ id: string }>(
      manager,
      'DELETE FROM job WHERE instance_id = $1 AND wait_id = $2 RETURNING id',
      [instanceId, waitId],
    );
    await closeIncidentsOfJobs(
      manager,
      gone.map(({ id }) => id),
      now,
    );
  };
  const closeTask = async (waitId: number, changes: string, values: unknown[]) => {
    await flush();
    const rows = await preparedQuery<{ id: string }>(
      manager,
      `UPDATE task SET ${changes}, ended_at = $3 WHERE instance_id = $1 AND wait_id = $2 RETURNING *`,
      [instanceId, waitId, now, ...values],
    );
    if (rows[0]) {
      taskIds.set(waitId, rows[0].id);
      closedTasks.set(waitId, rows[0]);
    }
  };

  for (const effect of effects) {
    switch (effect.type) {
      case 'CREATE_TASK': {
        const id = randomUUID();
        taskIds.set(effect.waitId, id);
        newTasks.push({
          id,
          instanceId,
          waitId: effect.waitId,
          elementId: effect.elementId,
          name: effect.name ?? null,
          candidateGroups: effect.candidateGroups,
          candidateUsers: effect.candidateUsers ?? [],
          formKey: effect.formKey ?? null,
          agency:
            effect.agency ??
            (effect.agencyKind ? await agencyOfKind(manager, instanceId, effect.agencyKind) : null),
          needsSignature: effect.signature ?? false,
          // A task drawn with an assignee goes straight to that officer.
          assignee: effect.assignee ?? null,
          state: effect.assignee ? 'CLAIMED' : 'OPEN',
          claimedAt: effect.assignee ? now : null,
          dueAt: effect.dueAt ? new Date(effect.dueAt) : null,
          overdue: false,
          createdAt: now,
        });
        break;
      }
      case 'COMPLETE_TASK': {
        await flush();
        // The working time the step took, for the step metrics (kept by a trigger).
        const createdAt =
          taskCreatedAt?.get(effect.waitId) ??
          (
            await preparedQuery<{ created_at: Date }>(
              manager,
              'SELECT created_at FROM task WHERE instance_id = $1 AND wait_id = $2',
              [instanceId, effect.waitId],
            )
          )[0]?.created_at;
        const minutes = createdAt
          ? calendar.workingTimeBetween(createdAt.toISOString(), now.toISOString())
          : null;
        await closeTask(
          effect.waitId,
          `state = 'COMPLETED', completed_by = COALESCE($4, assignee), working_minutes = $5`,
          [effect.actor ?? null, minutes],
        );
        break;
      }
      case 'SET_TASK_DEADLINE':
        await flush();
        await preparedQuery(
          manager,
          'UPDATE task SET due_at = $3, overdue = $4 WHERE instance_id = $1 AND wait_id = $2',
          [instanceId, effect.waitId, new Date(effect.dueAt), effect.overdue],
        );
        break;
      case 'CANCEL_TASK':
        await closeTask(effect.waitId, `state = 'CANCELED'`, []);
        break;
      case 'OPEN_SUBSCRIPTION': {
        const { subscription } = effect;
        newSubscriptions.push({
          instanceId,
          subscriptionId: subscription.id,
          messageName: subscription.messageName,
          correlationKey: subscription.correlationKey,
          elementId: subscription.elementId,
          createdAt: now,
        });
        break;
      }
      case 'CLOSE_SUBSCRIPTION':
        await flush();
        await manager.delete(MessageSubscriptionEntity, {
          instanceId,
          subscriptionId: effect.subscriptionId,
        });
        break;
      case 'SCHEDULE_TIMER':
        newJobs.push(
          job(effect.timer.id, {
            kind: 'timer',
            type: null,
            elementId: effect.timer.elementId,
            dueAt: new Date(effect.timer.dueAt),
            retries: 3,
          }),
        );
        break;
      case 'CREATE_JOB':
        newJobs.push(
          job(effect.waitId, {
            kind: 'task',
            type: effect.jobType,
            elementId: effect.elementId,
            dueAt: now,
            retries: effect.retries,
          }),
        );
        break;
      case 'CONTINUE_LATER':
        newJobs.push(
          job(effect.waitId, {
            kind: 'continue',
            type: null,
            elementId: effect.elementId,
            dueAt: now,
            retries: 3,
          }),
        );
        break;
      case 'CANCEL_TIMER':
        await deleteJob(effect.subscriptionId);
        break;
      case 'CANCEL_JOB':
        await deleteJob(effect.waitId);
        break;
      case 'START_CHILD':
        startChildren.push(effect);
        break;
      case 'CANCEL_CHILD':
        cancelChildren.push(effect.waitId);
        break;
      case 'THROW_TO_PARENT':
        throwsToParent.push(effect);
        break;
      case 'SEND_MESSAGE': {
        const message: JobEntity = {
          ...job(0, {
            kind: 'message',
            type: null,
            elementId: effect.elementId,
            dueAt: new Date(now.getTime() + SENDER_DELIVERS_WITHIN_MS),
            retries: 3,
          }),
          instanceId: null,
          payload: {
            messageName: effect.messageName,
            correlationKey: effect.correlationKey,
            variables: effect.variables,
            from: instanceId,
          },
        };
        newJobs.push(message);
        sent.push({ jobId: message.id });
        break;
      }
      case 'HISTORY':
        history.push({
          eventType: effect.eventType,
          elementId: effect.elementId,
          elementType: effect.elementType,
          at: new Date(effect.at),
          actor: effect.actor ?? null,
          waitId: effect.waitId,
        });
        break;
    }
  }
  // The step's last inserts, its history and its end, in one round trip.
  const batch = pending().insert(
    manager,
    HistoryEventEntity,
    history.map(({ waitId, ...event }) => ({
      instanceId,
      ...event,
      taskId: waitId === undefined ? null : (taskIds.get(waitId) ?? null),
    })),
  );
  await batch.run(manager, options.finish?.(batch));
  return { sent, startChildren, cancelChildren, throwsToParent, closedTasks };
}
