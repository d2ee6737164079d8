import type { TaskEntity } from '../store/entities';
import { DEMO_COMMUNE, DEMO_OFFICERS } from './demo-commune';

/**
 * The demo officer who takes a step: the official holder of one of its roles in the agency the
 * step is for (the commune's one-stop office, or the police and social insurance in joint
 * procedures).
 */
export function officerFor(task: Pick<TaskEntity, 'id' | 'agency' | 'candidateGroups'>): string {
  const agency = task.agency ?? DEMO_COMMUNE;
  const officer = DEMO_OFFICERS.find(
    (o) =>
      o.agencyCode === agency &&
      o.roles.some(([role, kind]) => kind === 'official' && task.candidateGroups.includes(role)),
  );
  if (!officer) throw new Error(`no demo officer of ${agency} takes task ${task.id}`);
  return officer.username;
}
