import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError, notFound } from '../errors';
import {
  IncidentEntity,
  JobEntity,
  type IncidentResolution,
  type IncidentStatus,
} from './entities';
import { isUuid } from './instances';
import { lockInstance } from './pipeline/instance-rows';
import { preparedQuery } from './prepared';
import type { Store } from './store';

export interface IncidentFilter {
  instanceId?: string;
  status?: IncidentStatus;
  elementId?: string;
  jobType?: string;
}

/** A job used its last try: it waits for someone, and the incident says why. */
export async function openIncident(
  tx: Store,
  job: JobEntity,
  message: string,
  now: Date,
): Promise<void> {
  await tx.manager.insert(IncidentEntity, {
    id: randomUUID(),
    jobId: job.id,
    instanceId: job.instanceId,
    elementId: job.elementId,
    jobType: job.type ?? job.kind,
    message,
    status: 'OPEN',
    resolution: null,
    createdAt: now,
    resolvedAt: null,
  });
}

/** Jobs that ended (done, or withdrawn) close their open incidents. */
export async function closeIncidentsOfJobs(
  manager: EntityManager,
  jobIds: string[],
  now: Date,
): Promise<void> {
  if (jobIds.length === 0) return;
  await preparedQuery(
    manager,
    `UPDATE incident SET status = 'RESOLVED', resolution = 'JOB_ENDED', resolved_at = $2
      WHERE job_id = ANY($1) AND status = 'OPEN'`,
    [jobIds, now],
  );
}

/** Newest first. */
export function listIncidents(
  store: Store,
  filter: IncidentFilter,
  limit: number,
): Promise<IncidentEntity[]> {
  const query = store.manager
    .getRepository(IncidentEntity)
    .createQueryBuilder('i')
    .orderBy('i.createdAt', 'DESC')
    .addOrderBy('i.id', 'ASC')
    .limit(limit);
  if (filter.instanceId !== undefined) {
    if (!isUuid(filter.instanceId)) return Promise.resolve([]);
    query.andWhere('i.instanceId = :instanceId', { instanceId: filter.instanceId });
  }
  if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
  if (filter.elementId) query.andWhere('i.elementId = :elementId', filter);
  if (filter.jobType) query.andWhere('i.jobType = :jobType', filter);
  return query.getMany();
}

/** Gives the incident's job new tries, due now, and closes the incident. */
export function retryIncident(
  store: Store,
  input: { id: string; retries: number; now: Date },
): Promise<IncidentEntity> {
  return closeIncident(store, input.id, 'RETRIED', input.now, async (manager, incident) => {
    const rows = await manager.update(
      JobEntity,
      { id: incident.jobId },
      { retries: input.retries, dueAt: input.now, lockedBy: null, lockedUntil: null },
    );
    if (!rows.affected) {
      throw new AppError('JOB_GONE', `The job of incident '${incident.id}' no longer exists`, {
        incidentId: incident.id,
        elementId: incident.elementId,
      });
    }
  });
}

/**
 * Closes an incident whose cause was dealt with another way (the work was done by hand, the
 * dossier withdrawn). A service task's job keeps no tries: it waits until a worker completes
 * it, or the instance moves on. Refused for other jobs, which nothing but a retry moves.
 */
export function resolveIncident(
  store: Store,
  input: { id: string; now: Date },
): Promise<IncidentEntity> {
  return closeIncident(store, input.id, 'RESOLVED', input.now, async (manager, incident) => {
    // A worker may still complete a service task's job; nothing else would ever move a timer,
    // a continuation or a message: those need a retry.
    const job = await manager.findOneBy(JobEntity, { id: incident.jobId });
    if (job && job.kind !== 'task') {
      throw new AppError(
        'INCIDENT_NEEDS_RETRY',
        `Incident '${incident.id}' is on a ${job.kind} job, which only a retry can move on: use retryIncident`,
        { incidentId: incident.id, elementId: incident.elementId },
      );
    }
  });
}

function closeIncident(
  store: Store,
  id: string,
  resolution: IncidentResolution,
  now: Date,
  work: (manager: EntityManager, incident: IncidentEntity) => Promise<void>,
): Promise<IncidentEntity> {
  return store.transaction(async ({ manager }) => {
    const found = isUuid(id) ? await manager.findOneBy(IncidentEntity, { id }) : null;
    if (!found) throw notFound('Incident', id, { incidentId: id });
    // The instance first, as every step does: the job and incident rows follow in that order.
    if (found.instanceId) await lockInstance(manager, found.instanceId);
    const incident = await manager.findOneOrFail(IncidentEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (incident.status !== 'OPEN') {
      throw new AppError(
        'INCIDENT_NOT_OPEN',
        `Incident '${id}' was already closed (${incident.resolution})`,
        { incidentId: id, elementId: incident.elementId },
      );
    }
    await work(manager, incident);
    const changes = { status: 'RESOLVED' as const, resolution, resolvedAt: now };
    await manager.update(IncidentEntity, { id }, changes);
    return { ...incident, ...changes };
  });
}
