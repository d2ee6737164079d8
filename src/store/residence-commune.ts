import type { EntityManager } from 'typeorm';
import { RESIDENCE_COMMUNE, type Variables } from '../engine/types';
import { AppError } from '../errors';

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
