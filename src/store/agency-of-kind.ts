import type { EntityManager } from 'typeorm';

/**
 * In a joint procedure, which agency does a step of a kind (police, social_insurance,
 * department): the receiving agency itself if it is of that kind, else the one of that kind that
 * serves it (`agency.serves`). None: the step stays with the receiving agency, whose officers
 * holding the step's role see it.
 */
export async function agencyOfKind(
  manager: EntityManager,
  instanceId: string,
  kind: string,
): Promise<string | null> {
  const [row] = (await manager.query(
    `SELECT a.code FROM process_instance i
       JOIN agency a ON a.kind = $2 AND (a.code = i.agency OR i.agency = ANY(a.serves))
      WHERE i.id = $1
      ORDER BY a.code = i.agency DESC, a.code
      LIMIT 1`,
    [instanceId, kind],
  )) as { code: string }[];
  return row?.code ?? null;
}
