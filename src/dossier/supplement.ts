import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../errors';
import type { DossierEntity, SubmittedComponent } from '../store/entities';
import { issueForm, setStatus, withLockedDossier, type LockedDossier } from './locked';
import { transition } from './machine';

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
  const { to, form } = transition(dossier, 'REQUEST_SUPPLEMENT');
  await run({ type: 'HOLD_CLOCK', actor: input.by });
  const markedLate = await issueForm(manager, dossier.code, form!, input.by, input.now, {
    missing: input.missing,
    reason: input.reason,
  });
  if (markedLate) dossier.lateMarked = true;
  await setStatus(manager, dossier, to);
}

/** The citizen brings the papers: they join the dossier and its clock runs again. */
export function submitSupplement(
  dataSource: DataSource,
  input: { code: string; components: SubmittedComponent[]; by: string; now: Date },
): Promise<DossierEntity> {
  return withLockedDossier(dataSource, input.code, input.now, async ({ manager, dossier, run }) => {
    const { to } = transition(dossier, 'SUBMIT_SUPPLEMENT');
    await run({ type: 'RELEASE_CLOCK', actor: input.by });
    dossier.components = [...dossier.components, ...input.components];
    await manager.query('UPDATE dossier SET components = $1 WHERE code = $2', [
      JSON.stringify(dossier.components),
      dossier.code,
    ]);
    await setStatus(manager, dossier, to);
    return dossier;
  });
}
