import type { JobEntity } from '../../entities';
import type { MessagePayload } from '../../entities/job.entity';
import type { EffectHandler, Planning } from './write-plan';
import { SENDER_DELIVERS_WITHIN_MS } from './write-plan';

const jobRow = (waitId: number) => `job:${waitId}`;

type JobFields = Pick<JobEntity, 'kind' | 'type' | 'elementId' | 'dueAt' | 'retries'>;

function newJob({ context }: Planning, waitId: number, fields: JobFields): JobEntity {
  return {
    id: context.newId(),
    instanceId: context.instanceId,
    definitionId: null,
    waitId,
    ...fields,
    repeat: null,
    payload: null,
    lockedBy: null,
    lockedUntil: null,
    errorMessage: null,
    createdAt: context.now,
  };
}

function insertJob(planning: Planning, job: JobEntity, row = jobRow(job.waitId)): void {
  planning.plan.writes.push({ row, kind: 'insert', insert: { table: 'job', values: job } });
}

/** A timer waits: a runner fires it when due. */
export const scheduleTimer: EffectHandler<'SCHEDULE_TIMER'> = ({ timer }, planning) => {
  insertJob(
    planning,
    newJob(planning, timer.id, {
      kind: 'timer',
      type: null,
      elementId: timer.elementId,
      dueAt: new Date(timer.dueAt),
      retries: 3,
    }),
  );
};

/** A service task's work, for a handler or an external worker. */
export const createJob: EffectHandler<'CREATE_JOB'> = (effect, planning) => {
  insertJob(
    planning,
    newJob(planning, effect.waitId, {
      kind: 'task',
      type: effect.jobType,
      elementId: effect.elementId,
      dueAt: planning.context.now,
      retries: effect.retries,
    }),
  );
};

/** A token waits before an async element: a runner continues it in a transaction of its own. */
export const continueLater: EffectHandler<'CONTINUE_LATER'> = (effect, planning) => {
  insertJob(
    planning,
    newJob(planning, effect.waitId, {
      kind: 'continue',
      type: null,
      elementId: effect.elementId,
      dueAt: planning.context.now,
      retries: 3,
    }),
  );
};

export const cancelTimer: EffectHandler<'CANCEL_TIMER'> = (effect, { plan }) => {
  const waitId = effect.subscriptionId;
  plan.writes.push({ row: jobRow(waitId), kind: 'deleteJobs', waitId });
};

export const cancelJob: EffectHandler<'CANCEL_JOB'> = (effect, { plan }) => {
  plan.writes.push({ row: jobRow(effect.waitId), kind: 'deleteJobs', waitId: effect.waitId });
};

/**
 * A message goes out as a job written with the step (the outbox): its sender delivers it once
 * the step has committed, or a runner does should the sender die first.
 */
export const sendMessage: EffectHandler<'SEND_MESSAGE'> = (effect, planning) => {
  outbox(planning, effect.elementId, {
    messageName: effect.messageName,
    correlationKey: effect.correlationKey,
    variables: effect.variables,
  });
};

/** A signal goes out the same way, to be broadcast once the step has committed. */
export const broadcastSignal: EffectHandler<'BROADCAST_SIGNAL'> = (effect, planning) => {
  outbox(planning, effect.elementId, {
    signal: true,
    messageName: effect.signalName,
    correlationKey: null,
    variables: effect.variables,
  });
};

function outbox(
  planning: Planning,
  elementId: string,
  payload: Omit<MessagePayload, 'from'>,
): void {
  const { context } = planning;
  const message: JobEntity = {
    ...newJob(planning, 0, {
      kind: 'message',
      type: null,
      elementId,
      dueAt: new Date(context.now.getTime() + SENDER_DELIVERS_WITHIN_MS),
      retries: 3,
    }),
    instanceId: null,
    payload: { ...payload, from: context.instanceId },
  };
  insertJob(planning, message, `message:${message.id}`);
  planning.plan.sent.push({ jobId: message.id });
}
