import { AppError, notFound } from '../errors';
import type { IncidentEntity, IncidentResolution } from '../store/entities';
import { findIncident, lockIncident, markIncidentResolved } from '../store/incidents';
import { isUuid } from '../store/instances';
import { rearmDispatch } from '../store/dispatch';
import { findJob, updateJob } from '../store/jobs';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';

/**
 * Gives the incident's job new tries, due now, and closes the incident; for a row of the outbox
 * (a notification, a portal push), tries it again now.
 */
export function retryIncident(
  store: Store,
  input: { id: string; retries: number; now: Date },
): Promise<IncidentEntity> {
  return closeIncident(store, input.id, 'RETRIED', input.now, async (tx, incident) => {
    const retried =
      (await updateJob(tx, incident.jobId, {
        retries: input.retries,
        dueAt: input.now,
        lockedBy: null,
        lockedUntil: null,
      })) || (await rearmDispatch(tx, incident.jobId));
    if (!retried) {
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
  return closeIncident(store, input.id, 'RESOLVED', input.now, async (tx, incident) => {
    // A worker may still complete a service task's job; nothing else would ever move a timer,
    // a continuation or a message: those need a retry.
    const job = await findJob(tx, incident.jobId);
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
  work: (tx: Store, incident: IncidentEntity) => Promise<void>,
): Promise<IncidentEntity> {
  return withUnitOfWork(store, now, async (unit) => {
    const found = isUuid(id) ? await findIncident(unit.tx, id) : null;
    if (!found) throw notFound('Incident', id, { incidentId: id });
    // The instance first, as every step does: the job and incident rows follow in that order.
    if (found.instanceId) await unit.lock(found.instanceId);
    const incident = await lockIncident(unit.tx, id);
    if (incident.status !== 'OPEN') {
      throw new AppError(
        'INCIDENT_NOT_OPEN',
        `Incident '${id}' was already closed (${incident.resolution})`,
        { incidentId: id, elementId: incident.elementId },
      );
    }
    await work(unit.tx, incident);
    return { ...incident, ...(await markIncidentResolved(unit.tx, id, resolution, now)) };
  });
}
