import type { DataSource } from 'typeorm';
import { variablesAt } from '../engine/state';
import type { Variables } from '../engine/types';
import { AppError, notFound } from '../errors';
import { JobEntity, ProcessInstanceEntity } from '../store/entities';
import { isUuid, lockInstance, runCommand } from '../store/instances';
import { deliverMessages } from '../store/messages';
import { queryReturning } from '../store/sql';
import { inTransaction } from '../store/transaction';

export interface LockedJob {
  job: JobEntity;
  /** What the task's scope sees: the data the worker works with. */
  variables: Variables;
}

/**
 * A worker takes up to `maxJobs` due jobs of a type and holds them for `lockSeconds`; a job whose
 * lock ran out may be taken by another worker. SKIP LOCKED lets workers take jobs side by side.
 */
export async function fetchAndLockJobs(
  dataSource: DataSource,
  input: { type: string; workerId: string; maxJobs: number; lockSeconds: number; now: Date },
): Promise<LockedJob[]> {
  const until = new Date(input.now.getTime() + input.lockSeconds * 1000);
  const jobs: JobEntity[] = await inTransaction(dataSource, async (manager) => {
    const rows = await queryReturning<{ id: string }>(
      manager,
      `UPDATE job SET locked_by = $1, locked_until = $2
        WHERE id IN (
          SELECT id FROM job
           WHERE kind = 'task' AND type = $3 AND due_at <= $4 AND retries > 0
             AND (locked_until IS NULL OR locked_until < $4)
           ORDER BY due_at LIMIT $5
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [input.workerId, until, input.type, input.now, input.maxJobs],
    );
    return rows.length === 0
      ? []
      : manager
          .getRepository(JobEntity)
          .find({ where: rows.map(({ id }) => ({ id })), order: { dueAt: 'ASC' } });
  });
  const instances = new Map<string, ProcessInstanceEntity>();
  const result: LockedJob[] = [];
  for (const job of jobs) {
    const instance =
      instances.get(job.instanceId) ??
      (await dataSource
        .getRepository(ProcessInstanceEntity)
        .findOneByOrFail({ id: job.instanceId }));
    instances.set(job.instanceId, instance);
    result.push({ job, variables: variablesAt(instance.state, job.waitId) });
  }
  return result;
}

/**
 * The work is done: the job is consumed and the task's token moves on with the variables, in
 * one transaction. Only the worker holding a live lock may complete a locked job.
 */
export async function completeJob(
  dataSource: DataSource,
  input: { jobId: string; workerId?: string; variables: Variables; now: Date },
): Promise<ProcessInstanceEntity> {
  const job = await findJob(dataSource, input.jobId);
  const { instance, sent } = await inTransaction(dataSource, async (manager) => {
    const locked = await lockInstance(manager, job.instanceId);
    const current = await manager.findOneBy(JobEntity, { id: job.id });
    if (!current) throw jobNotActive(job);
    if (heldByAnother(current, input.workerId, input.now)) throw jobLocked(current);
    await manager.delete(JobEntity, { id: job.id });
    return runCommand(
      manager,
      locked,
      { type: 'COMPLETE_JOB', waitId: job.waitId, variables: input.variables },
      input.now,
    );
  });
  await deliverMessages(dataSource, sent, input.now);
  return instance;
}

/**
 * The work failed: the job keeps `retries` tries and is offered again after `retryInSeconds`.
 * With no retries left it waits for someone to look (incidents come with the job runner issue).
 */
export async function failJob(
  dataSource: DataSource,
  input: {
    jobId: string;
    workerId?: string;
    retries: number;
    message: string;
    retryInSeconds?: number;
    now: Date;
  },
): Promise<JobEntity> {
  const job = await findJob(dataSource, input.jobId);
  const dueAt = new Date(input.now.getTime() + (input.retryInSeconds ?? 0) * 1000);
  return inTransaction(dataSource, async (manager) => {
    await lockInstance(manager, job.instanceId);
    const current = await manager.findOneBy(JobEntity, { id: job.id });
    if (!current) throw jobNotActive(job);
    if (heldByAnother(current, input.workerId, input.now)) throw jobLocked(current);
    const changes = {
      retries: Math.max(0, input.retries),
      errorMessage: input.message,
      lockedBy: null,
      lockedUntil: null,
      dueAt,
    };
    await manager.update(JobEntity, { id: job.id }, changes);
    return { ...current, ...changes };
  });
}

/** A live lock of another worker: only that worker may finish the job until the lock runs out. */
function heldByAnother(job: JobEntity, workerId: string | undefined, now: Date): boolean {
  return (
    job.lockedBy !== null &&
    job.lockedBy !== workerId &&
    job.lockedUntil !== null &&
    job.lockedUntil > now
  );
}

function jobLocked(job: JobEntity): AppError {
  return new AppError('JOB_LOCKED', `Job '${job.id}' is held by worker '${job.lockedBy}'`, {
    elementId: job.elementId,
  });
}

/**
 * The worker reports a business failure as a BPMN error: the job is consumed and the error is
 * thrown at the service task, where an error boundary event (or a scope around it) catches it.
 * Nothing catching it refuses the call, and the job stays.
 */
export async function throwJobError(
  dataSource: DataSource,
  input: { jobId: string; workerId?: string; errorCode: string; variables: Variables; now: Date },
): Promise<ProcessInstanceEntity> {
  const job = await findJob(dataSource, input.jobId);
  const { instance, sent } = await inTransaction(dataSource, async (manager) => {
    const locked = await lockInstance(manager, job.instanceId);
    const current = await manager.findOneBy(JobEntity, { id: job.id });
    if (!current) throw jobNotActive(job);
    if (heldByAnother(current, input.workerId, input.now)) throw jobLocked(current);
    await manager.delete(JobEntity, { id: job.id });
    const command = {
      type: 'THROW_AT_WAIT' as const,
      waitId: job.waitId,
      kind: 'error' as const,
      code: input.errorCode,
      variables: input.variables,
    };
    return runCommand(manager, locked, command, input.now);
  });
  await deliverMessages(dataSource, sent, input.now);
  return instance;
}

async function findJob(dataSource: DataSource, id: string): Promise<JobEntity> {
  const job = isUuid(id) ? await dataSource.getRepository(JobEntity).findOneBy({ id }) : null;
  if (!job) throw notFound('Job', id);
  return job;
}

function jobNotActive(job: JobEntity): AppError {
  return new AppError('JOB_NOT_ACTIVE', `Job '${job.id}' is no longer active`, {
    elementId: job.elementId,
  });
}
