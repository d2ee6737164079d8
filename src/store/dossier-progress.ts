import type { EntityManager } from 'typeorm';
import type { Command } from '../engine/types';
import type { ProcessInstanceEntity } from './entities';

/**
 * After each step of a dossier's process, its national status follows: received (2) becomes in
 * progress (4) when the first step is done; the process completing makes it processed (9), and
 * ending otherwise stopped (8). Statuses the office set (supplement, refusal, withdrawal,
 * returned) are left to the dossier's own actions.
 */
export async function followDossier(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  command: Command,
  now: Date,
): Promise<void> {
  if (instance.businessKey === null || instance.parentInstanceId !== null) return;
  await manager.query(
    `UPDATE dossier
        SET status_code = CASE
              WHEN $2 = 'COMPLETED' THEN 9
              WHEN $2 = 'TERMINATED' THEN 8
              WHEN status_code = 2 AND $3 THEN 4
              ELSE status_code END,
            finished_at = CASE WHEN $2 <> 'ACTIVE' THEN COALESCE(finished_at, $4) ELSE finished_at END
      WHERE instance_id = $1 AND status_code IN (2, 4, 5, 6)`,
    [instance.id, instance.status, command.type === 'COMPLETE_TASK', now],
  );
}
