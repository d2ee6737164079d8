import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  IncidentEntity,
  type IncidentResolution,
  type IncidentStatus,
  type JobEntity,
} from './entities';
import { isUuid } from './instances';
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
  await insertIncident(tx, {
    jobId: job.id,
    instanceId: job.instanceId,
    elementId: job.elementId,
    jobType: job.type ?? job.kind,
    message,
    now,
  });
}

/**
 * Something that failed for good waits for someone: a job, or a row of the outbox (its id in
 * `jobId`, `notification` or `portal-sync` as its type).
 */
export async function insertIncident(
  tx: Store,
  about: {
    jobId: string;
    instanceId: string | null;
    elementId: string;
    jobType: string;
    message: string;
    now: Date;
  },
): Promise<void> {
  const { now, ...fields } = about;
  // An outbox row may outlive its instance (its year archived): the incident then names none.
  if (fields.instanceId) {
    const [found] = await preparedQuery(
      tx.manager,
      'SELECT 1 FROM process_instance WHERE id = $1',
      [fields.instanceId],
    );
    if (!found) fields.instanceId = null;
  }
  await tx.manager.insert(IncidentEntity, {
    id: randomUUID(),
    ...fields,
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

/** closeIncidentsOfJobs, in a unit of work's transaction (an outbox row sent at last, say). */
export function closeIncidentsOf(tx: Store, jobIds: string[], now: Date): Promise<void> {
  return closeIncidentsOfJobs(tx.manager, jobIds, now);
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

export function findIncident(store: Store, id: string): Promise<IncidentEntity | null> {
  return store.manager.findOneBy(IncidentEntity, { id });
}

/** The incident, row-locked until the transaction ends (after its instance: see lockInstance). */
export function lockIncident(tx: Store, id: string): Promise<IncidentEntity> {
  return tx.manager.findOneOrFail(IncidentEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
}

/** An open incident closes: its job was retried, or its cause dealt with another way. */
export async function markIncidentResolved(
  tx: Store,
  id: string,
  resolution: IncidentResolution,
  now: Date,
): Promise<Pick<IncidentEntity, 'status' | 'resolution' | 'resolvedAt'>> {
  const changes = { status: 'RESOLVED' as const, resolution, resolvedAt: now };
  await tx.manager.update(IncidentEntity, { id }, changes);
  return changes;
}
