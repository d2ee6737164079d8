import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { queryReturning } from '../store/sql';

/**
 * The next dossier code of an agency: `<prefix>-<yymmdd>-<sequence>`, the day the office's
 * calendar says, the sequence from 0001 each day. The counter row is locked by the
 * reception's transaction, so concurrent receptions take turns, and one that rolls back returns
 * its number: no gaps, no repeats.
 */
export async function nextDossierCode(
  manager: EntityManager,
  agency: { code: string; dossierPrefix: string | null },
  receivedAt: Date,
  calendar: WorkingCalendar,
): Promise<string> {
  // Counted per prefix: two agencies that print the same prefix still get distinct codes.
  const prefix = agency.dossierPrefix ?? agency.code;
  const day = calendar.localDate(receivedAt.toISOString()).slice(2).replaceAll('-', '');
  const [{ last }] = await queryReturning<{ last: number }>(
    manager,
    `INSERT INTO dossier_sequence (agency_code, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_sequence.last + 1
     RETURNING last`,
    [prefix, day],
  );
  return `${prefix}-${day}-${String(last).padStart(4, '0')}`;
}
