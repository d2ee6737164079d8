import type { EntityManager } from 'typeorm';
import { RESIDENCE_COMMUNE, type Variables } from '../engine/types';
import { AppError } from '../errors';

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
export async function agencyOfKind(
  manager: EntityManager,
  instanceId: string,
  kind: string,
  residenceCommune?: string,
): Promise<string | null> {
  const [row] = (await manager.query(
    `SELECT a.code FROM process_instance i
       CROSS JOIN LATERAL (VALUES (0, $3::varchar), (1, i.agency)) AS near (rank, code)
       JOIN agency a ON a.kind = $2 AND (a.code = near.code OR near.code = ANY(a.serves))
      WHERE i.id = $1
      ORDER BY near.rank, a.code = near.code DESC, a.code
      LIMIT 1`,
    [instanceId, kind, residenceCommune ?? null],
  )) as { code: string }[];
  return row?.code ?? null;
}

/**
 * The commune of residence, when variables coming in name one, must be a commune the engine
 * knows (an agency of kind `commune`): an unknown code is refused with BAD_USER_INPUT naming
 * `variables.residenceCommune`, before anything is written, rather than send a step nowhere.
 */
export async function checkResidenceCommune(
  manager: EntityManager,
  variables: Variables,
): Promise<void> {
  const commune = variables[RESIDENCE_COMMUNE];
  if (commune === undefined || commune === null) return;
  const field = `variables.${RESIDENCE_COMMUNE}`;
  if (typeof commune !== 'string' || commune.trim() === '') {
    throw new AppError(
      'BAD_USER_INPUT',
      `'${field}' must be the code of the commune where the citizen lives`,
      { field },
    );
  }
  const [known] = (await manager.query(`SELECT kind FROM agency WHERE code = $1`, [commune])) as {
    kind: string;
  }[];
  if (known?.kind !== 'commune') {
    throw new AppError(
      'BAD_USER_INPUT',
      known
        ? `'${field}' is '${commune}', an agency of kind '${known.kind}', not a commune`
        : `'${field}' is '${commune}', which is no commune known here`,
      { field },
    );
  }
}
