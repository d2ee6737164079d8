import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../errors';
import type { DossierEntity, SubmittedComponent } from '../store/entities';
import {
  issueForm,
  requireStatus,
  setStatus,
  withLockedDossier,
  type LockedDossier,
} from './locked';

/**
 * Asks the citizen for papers (Form 02: what is missing and why, once, in full) and stops the
 * dossier's clock until they come. A second request is allowed, but the dossier then counts as
 * late (its process counts the pauses).
 */
export function requestSupplement(
  dataSource: DataSource,
  input: { code: string; missing: string[]; reason: string; by: string; now: Date },
): Promise<DossierEntity> {
  if (input.missing.length === 0) {
    throw new AppError('BAD_USER_INPUT', "'missing' must name at least one paper", {
      field: 'missing',
    });
  }
  return withLockedDossier(dataSource, input.code, input.now, async ({ manager, dossier, run }) => {
    requireStatus(dossier, 'sent back for papers', ['RECEIVED', 'IN_PROGRESS']);
    await holdForSupplement(manager, dossier, run, input);
    return dossier;
  });
}

/** Issues Form 02, holds the process's clock and marks the dossier as waiting for papers. */
export async function holdForSupplement(
  manager: EntityManager,
  dossier: DossierEntity,
  run: LockedDossier['run'],
  input: { missing: string[]; reason: string; by: string; now: Date },
): Promise<void> {
  await run({ type: 'HOLD_CLOCK', actor: input.by });
  const markedLate = await issueForm(manager, dossier.code, '02', input.by, input.now, {
    missing: input.missing,
    reason: input.reason,
  });
  if (markedLate) dossier.lateMarked = true;
  await setStatus(manager, dossier, 'SUPPLEMENT_REQUESTED');
}

/** The citizen brings the papers: they join the dossier and its clock runs again. */
export function submitSupplement(
  dataSource: DataSource,
  input: { code: string; components: SubmittedComponent[]; by: string; now: Date },
): Promise<DossierEntity> {
  return withLockedDossier(dataSource, input.code, input.now, async ({ manager, dossier, run }) => {
    requireStatus(dossier, 'given papers', ['SUPPLEMENT_REQUESTED']);
    await run({ type: 'RELEASE_CLOCK', actor: input.by });
    dossier.components = [...dossier.components, ...input.components];
    await manager.query('UPDATE dossier SET components = $1 WHERE code = $2', [
      JSON.stringify(dossier.components),
      dossier.code,
    ]);
    await setStatus(manager, dossier, 'IN_PROGRESS');
    return dossier;
  });
}
