import type { EntityManager } from 'typeorm';
import type { Effect } from '../../engine/types';
import { preparedQuery } from '../prepared';
import { agencyKey, type OpenTask, type PlanContext } from './plan/write-plan';

/**
 * What the planner needs from the database, read before it plans: the open tasks the step
 * closes (their ids, when they were created, who held them) and the agency that does each step
 * of a kind of agency (joint procedures). Tasks the caller read under the lock are not read again.
 */
export async function readBeforePlan(
  manager: EntityManager,
  instance: { id: string; agency: string | null },
  effects: readonly Effect[],
  known: ReadonlyMap<number, OpenTask>,
): Promise<Pick<PlanContext, 'openTasks' | 'agencies'>> {
  const closing = effects
    .filter((e) => e.type === 'COMPLETE_TASK' || e.type === 'CANCEL_TASK')
    .map((e) => e.waitId)
    .filter((waitId) => !known.has(waitId));
  const openTasks = new Map(known);
  if (closing.length > 0) {
    const rows = await preparedQuery<OpenTask & { waitId: number }>(
      manager,
      `SELECT id, wait_id AS "waitId", created_at AS "createdAt", assignee FROM task
        WHERE instance_id = $1 AND wait_id = ANY($2) AND state IN ('OPEN', 'CLAIMED')`,
      [instance.id, closing],
    );
    for (const { waitId, ...task } of rows) openTasks.set(waitId, task);
  }
  const agencies = new Map<string, string | null>();
  for (const effect of effects) {
    if (effect.type !== 'CREATE_TASK' || !effect.agencyKind || effect.agency) continue;
    const key = agencyKey(effect.agencyKind, effect.residenceCommune);
    if (agencies.has(key)) continue;
    agencies.set(
      key,
      await agencyOfKind(manager, instance.agency, effect.agencyKind, effect.residenceCommune),
    );
  }
  return { openTasks, agencies };
}

/**
 * In a joint procedure, which agency does a step of a kind (police, social_insurance,
 * department, commune). Since 1 July 2025 a dossier may be received at any office of the
 * province, so the commune that received it need not be the citizen's: the step goes by the
 * commune of residence the dossier names (the variable `residenceCommune`), else by the
 * receiving agency. Of that commune: the commune itself if it is of that kind, else the agency of
 * that kind that serves it (`agency.serves`). A residence no agency of that kind serves falls
 * back to the receiving agency's. None at all: the step stays with the receiving agency, whose
 * officers holding the step's role see it.
 */
async function agencyOfKind(
  manager: EntityManager,
  receivedBy: string | null,
  kind: string,
  residenceCommune: string | undefined,
): Promise<string | null> {
  const [row] = await preparedQuery<{ code: string }>(
    manager,
    `SELECT a.code FROM (VALUES (0, $3::varchar), (1, $1::varchar)) AS near (rank, code)
       JOIN agency a ON a.kind = $2 AND (a.code = near.code OR near.code = ANY(a.serves))
      ORDER BY near.rank, a.code = near.code DESC, a.code
      LIMIT 1`,
    [receivedBy, kind, residenceCommune ?? null],
  );
  return row?.code ?? null;
}
