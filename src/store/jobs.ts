import type { EntityManager } from 'typeorm';
import { JobEntity } from './entities';
import { closeIncidentsOfJobs } from './incidents';

/** The job's effect is landing in this transaction: it goes, and so do its incidents. */
export async function consumeJob(
  manager: EntityManager,
  job: Pick<JobEntity, 'id'>,
  now: Date,
): Promise<void> {
  await manager.delete(JobEntity, { id: job.id });
  await closeIncidentsOfJobs(manager, [job.id], now);
}
