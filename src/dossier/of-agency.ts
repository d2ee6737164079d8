import type { DataSource } from 'typeorm';
import { AppError, notFound } from '../errors';
import { DossierEntity } from '../store/entities';

/**
 * A dossier an officer of `agencyCode` may see and act on: NOT_FOUND for an unknown code,
 * FORBIDDEN for another agency's. The one check the API and the forms make.
 */
export async function dossierOfAgency(
  dataSource: DataSource,
  code: string,
  agencyCode: string,
): Promise<DossierEntity> {
  const dossier = await dataSource.getRepository(DossierEntity).findOneBy({ code });
  if (!dossier) throw notFound('Dossier', code, { dossierCode: code, field: 'code' });
  if (dossier.agencyCode !== agencyCode) {
    throw new AppError('FORBIDDEN', `Dossier '${code}' is of another agency`, {
      dossierCode: code,
    });
  }
  return dossier;
}
