import type { WorkingCalendar } from '../calendar/working-calendar';
import { nextDossierSequence } from '../store/dossiers';
import type { Store } from '../store/store';

/**
 * The next dossier code of an agency: `<prefix>-<yymmdd>-<sequence>`, the day the office's
 * calendar says, the sequence from 0001 each day. The counter row is locked by the
 * reception's transaction, so concurrent receptions take turns, and one that rolls back returns
 * its number: no gaps, no repeats.
 */
export async function nextDossierCode(
  tx: Store,
  agency: { code: string; dossierPrefix: string | null },
  receivedAt: Date,
  calendar: WorkingCalendar,
): Promise<string> {
  // Counted per prefix: two agencies that print the same prefix still get distinct codes.
  const prefix = agency.dossierPrefix ?? agency.code;
  const day = calendar.localDate(receivedAt.toISOString()).slice(2).replaceAll('-', '');
  const last = await nextDossierSequence(tx, prefix, day);
  return `${prefix}-${day}-${String(last).padStart(4, '0')}`;
}
