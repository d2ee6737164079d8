import { setDossierComponents } from '../store/dossiers';
import type { Store } from '../store/store';
import { AppError } from '../errors';
import type { DossierEntity, SubmittedComponent } from '../store/entities';
import { issueForm, setStatus, withLockedDossier, type LockedDossier } from './locked';
import { transition } from './life-cycle/machine';

/**
 * Asks the citizen for papers (Form 02: what is missing and why, once, in full) and stops the
 * dossier's clock until they come. A second request is allowed, but the dossier then counts as
 * late (its process counts the pauses).
 */
export function requestSupplement(
  store: Store,
  input: { code: string; missing: string[]; reason: string; by: string; now: Date },
): Promise<DossierEntity> {
  if (input.missing.length === 0) {
    throw new AppError('BAD_USER_INPUT', "'missing' must name at least one paper", {
      field: 'missing',
    });
  }
  return withLockedDossier(store, input.code, input.now, async ({ tx, dossier, run }) => {
    await holdForSupplement(tx, dossier, run, input);
    return dossier;
  });
}

/** Issues Form 02, holds the process's clock and marks the dossier as waiting for papers. */
export async function holdForSupplement(
  tx: Store,
  dossier: DossierEntity,
  run: LockedDossier['run'],
  input: { missing: string[]; reason: string; by: string; now: Date },
): Promise<void> {
  const { to, form } = transition(dossier, 'REQUEST_SUPPLEMENT');
  await run({ type: 'HOLD_CLOCK', actor: input.by });
  const markedLate = await issueForm(tx, dossier.code, form!, input.by, input.now, {
    missing: input.missing,
    reason: input.reason,
  });
  if (markedLate) dossier.lateMarked = true;
  await setStatus(tx, dossier, to);
}

/** The citizen brings the papers: they join the dossier and its clock runs again. */
export function submitSupplement(
  store: Store,
  input: { code: string; components: SubmittedComponent[]; by: string; now: Date },
): Promise<DossierEntity> {
  return withLockedDossier(store, input.code, input.now, async ({ tx, dossier, run }) => {
    const { to } = transition(dossier, 'SUBMIT_SUPPLEMENT');
    await run({ type: 'RELEASE_CLOCK', actor: input.by });
    dossier.components = [...dossier.components, ...input.components];
    await setDossierComponents(tx, dossier);
    await setStatus(tx, dossier, to);
    return dossier;
  });
}
