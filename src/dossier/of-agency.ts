import { AppError, notFound } from '../errors';
import { dossierByCode } from '../store/dossiers';
import type { DossierEntity } from '../store/entities';
import type { Store } from '../store/store';
import { reachesTaskUnder, type Actor } from '../store/task-reach';

/**
 * A dossier an officer of `agencyCode` may see and act on: NOT_FOUND for an unknown code,
 * FORBIDDEN for another agency's. The one check the API and the forms make. With `reader`, an
 * officer of another agency may also read a dossier one of whose steps they reach (handed on or
 * routed to their agency); acting on it stays with the agency that received it.
 */
export async function dossierOfAgency(
  store: Store,
  code: string,
  agencyCode: string,
  reader?: Actor,
): Promise<DossierEntity> {
  const dossier = await dossierByCode(store, code);
  if (!dossier) throw notFound('Dossier', code, { dossierCode: code, field: 'code' });
  if (
    dossier.agencyCode !== agencyCode &&
    !(reader && (await reachesTaskUnder(store, reader, dossier.instanceId)))
  ) {
    throw new AppError('FORBIDDEN', `Dossier '${code}' is of another agency`, {
      dossierCode: code,
    });
  }
  return dossier;
}
