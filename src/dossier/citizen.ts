import { AttemptLimit } from '../auth/attempt-limit';
import { notFound } from '../errors';
import { archivedDossier } from '../store/archive-read';
import { dossierByCode } from '../store/dossiers';
import type { DossierEntity } from '../store/entities';
import type { Store } from '../store/store';

/** Wrong code and phone pairs, per code: ten thousand endings are too few to leave unguarded. */
const guesses = new AttemptLimit('look-ups', 'code');

/**
 * The citizen proves a dossier is theirs without signing in: its code (on the receipt) and the
 * last four digits of the phone given at reception. A wrong pair is answered exactly like an
 * unknown code, and five wrong pairs lock the code for a while.
 */
export async function citizensDossier(
  store: Store,
  code: string,
  phoneLast4: string,
  now: Date,
): Promise<DossierEntity> {
  guesses.check(code, now);
  // A dossier of a past year may be in the archive: its receipt still answers.
  const dossier = (await dossierByCode(store, code)) ?? (await archivedDossier(store, code));
  const phone = dossier?.applicant.phone;
  const last4 = phoneLast4.trim();
  if (!dossier || !phone || !/^\d{4}$/.test(last4) || !phone.endsWith(last4)) {
    guesses.failed(code, now);
    throw notFound('Dossier', code, { field: 'code' });
  }
  return dossier;
}
