import { variablesAt } from '../engine/state';
import type { Command, Variables } from '../engine/types';
import { AppError, notFound } from '../errors';
import {
  isInstanceJob,
  type InstanceJob,
  type JobEntity,
  type ProcessInstanceEntity,
} from '../store/entities';
import { findInstance, isUuid } from '../store/instances';
import { claimJobs, consumeJob, findJob as jobById } from '../store/jobs';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';
import { recordJobFailure } from './failure';

export interface LockedJob {
  job: InstanceJob;
  /** What the task's scope sees: the data the worker works with. */
  variables: Variables;
}

/**
 * A worker takes up to `maxJobs` due jobs of a type and holds them for `lockSeconds`; a job whose
 * lock ran out may be taken by another worker. SKIP LOCKED lets workers take jobs side by side.
 */
export async function fetchAndLockJobs(
  store: Store,
  input: { type: string; workerId: string; maxJobs: number; lockSeconds: number; now: Date },
): Promise<LockedJob[]> {
  const jobs = await claimJobs(store, {
    kinds: ['task'],
    type: input.type,
    holder: input.workerId,
    max: input.maxJobs,
    lockSeconds: input.lockSeconds,
    now: input.now,
  });
  const instances = new Map<string, ProcessInstanceEntity>();
  const result: LockedJob[] = [];
  for (const job of jobs.filter(isInstanceJob)) {
    const instance = instances.get(job.instanceId) ?? (await findInstance(store, job.instanceId));
    if (!instance) continue;
    instances.set(job.instanceId, instance);
    result.push({ job, variables: variablesAt(instance.state, job.waitId) });
  }
  return result;
}

/**
 * The work is done: the job is consumed and the task's token moves on with the variables, in
 * one transaction. Only the worker holding a live lock may complete a locked job.
 */
export function completeJob(
  store: Store,
  input: { jobId: string; workerId?: string; variables: Variables; now: Date },
): Promise<ProcessInstanceEntity> {
  return finishJob(store, input, (job) => ({
    type: 'COMPLETE_JOB',
    waitId: job.waitId,
    variables: input.variables,
  }));
}

/**
 * The work failed: the job keeps `retries` tries and is offered again after `retryInSeconds`.
 * The last failure (no retries left) opens an incident.
 */
export async function failJob(
  store: Store,
  input: {
    jobId: string;
    workerId?: string;
    retries: number;
    message: string;
    retryInSeconds?: number;
    now: Date;
  },
): Promise<InstanceJob> {
  const job = await findJob(store, input.jobId);
  return withUnitOfWork(store, input.now, async (unit) => {
    await unit.lock(job.instanceId);
    const current = await heldJob(unit.tx, job, input);
    return recordJobFailure(unit.tx, current, {
      retries: input.retries,
      message: input.message,
      retryInSeconds: input.retryInSeconds ?? 0,
      now: input.now,
    });
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
export function throwJobError(
  store: Store,
  input: { jobId: string; workerId?: string; errorCode: string; variables: Variables; now: Date },
): Promise<ProcessInstanceEntity> {
  return finishJob(store, input, (job) => ({
    type: 'THROW_AT_WAIT',
    waitId: job.waitId,
    kind: 'error',
    code: input.errorCode,
    variables: input.variables,
  }));
}

/** Consumes the job and runs the step it causes, in one transaction; then delivers messages. */
async function finishJob(
  store: Store,
  input: { jobId: string; workerId?: string; now: Date },
  command: (job: InstanceJob) => Command,
): Promise<ProcessInstanceEntity> {
  const job = await findJob(store, input.jobId);
  return withUnitOfWork(store, input.now, async (unit) => {
    const locked = await unit.lock(job.instanceId);
    await consumeJob(unit.tx, await heldJob(unit.tx, job, input), input.now);
    return (await unit.step(locked, command(job))).instance;
  });
}

/** The job as it is now, if it still exists and no other worker holds it. */
async function heldJob(
  tx: Store,
  job: InstanceJob,
  input: { workerId?: string; now: Date },
): Promise<InstanceJob> {
  const current = await jobById(tx, job.id);
  if (!current) throw jobNotActive(job);
  if (heldByAnother(current, input.workerId, input.now)) throw jobLocked(current);
  return { ...current, instanceId: job.instanceId };
}

/** A worker's job: a service task's, of an instance (timers are not for workers). */
async function findJob(store: Store, id: string): Promise<InstanceJob> {
  const job = isUuid(id) ? await jobById(store, id) : null;
  if (!job || job.kind !== 'task' || !isInstanceJob(job)) throw notFound('Job', id);
  return job;
}

function jobNotActive(job: JobEntity): AppError {
  return new AppError('JOB_NOT_ACTIVE', `Job '${job.id}' is no longer active`, {
    elementId: job.elementId,
  });
}
