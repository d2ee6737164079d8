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

/** A task the caller read under the instance's lock: its id and when it was created. */
export interface KnownTask {
  id: string;
  createdAt: Date;
}

export interface ApplyOptions {
  /**
   * Tasks the caller already read (by wait id): completing one needs no read, and its closing
   * `UPDATE` goes with the step's last writes.
   */
  knownTasks?: ReadonlyMap<number, KnownTask>;
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
  const { knownTasks } = options;
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
  /** A task's closing, not yet written: it goes with the next batch (see closeTask). */
  let closing: { waitId: number; changes: (batch: WriteBatch) => string } | undefined;
  /** The rows created or closed so far and not yet written, taken for one statement. */
  const pending = () => {
    const batch = new WriteBatch()
      .insert(manager, TaskEntity, newTasks.splice(0))
      .insert(manager, MessageSubscriptionEntity, newSubscriptions.splice(0))
      .insert(manager, JobEntity, newJobs.splice(0));
    const closes = closing;
    closing = undefined;
    if (closes) {
      batch.returning(
        `UPDATE task SET ${closes.changes(batch)}, ended_at = ${batch.param(now)}
          WHERE instance_id = ${batch.param(instanceId)} AND wait_id = ${batch.param(closes.waitId)}
          RETURNING *`,
      );
    }
    return {
      batch,
      run: async (main?: string) => {
        const [closed] = await batch.run(manager, main);
        if (closes && closed) {
          taskIds.set(closes.waitId, closed.id as string);
          closedTasks.set(closes.waitId, closed);
        }
      },
    };
  };
  const flush = () => pending().run();
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
  /**
   * Closes (completes or cancels) a task. A task the caller read before the step is none of the
   * rows the step creates, and its id is known: its closing goes with the step's next batch.
   * Any other may have been created in this step, and the history wants its id: the rows before
   * it are written first, then it at once.
   */
  const closeTask = async (
    waitId: number,
    changes: (batch: WriteBatch) => string,
    known?: KnownTask,
  ) => {
    if (closing || !known) await flush();
    closing = { waitId, changes };
    if (known) taskIds.set(waitId, known.id);
    else await flush();
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
            (effect.agencyKind
              ? await agencyOfKind(manager, instanceId, effect.agencyKind, effect.residenceCommune)
              : null),
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
        const known = knownTasks?.get(effect.waitId);
        // The working time the step took, for the step metrics (kept by a trigger).
        const createdAt =
          known?.createdAt ??
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
          (batch) =>
            `state = 'COMPLETED', completed_by = COALESCE(${batch.param(effect.actor ?? null)}, assignee),
             working_minutes = ${batch.param(minutes)}`,
          known,
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
        await closeTask(effect.waitId, () => `state = 'CANCELED'`);
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
  // The step's last inserts, its completed task, its history and its end, in one round trip.
  const last = pending();
  last.batch.insert(
    manager,
    HistoryEventEntity,
    history.map(({ waitId, ...event }) => ({
      instanceId,
      ...event,
      taskId: waitId === undefined ? null : (taskIds.get(waitId) ?? null),
    })),
  );
  await last.run(options.finish?.(last.batch));
  return { sent, startChildren, cancelChildren, throwsToParent, closedTasks };
}
