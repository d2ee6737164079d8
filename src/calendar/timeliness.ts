import type { WorkingCalendar } from './working-calendar';

/** How a piece of work kept its due time: before its due day, within it, or after it. */
export type Timeliness = 'EARLY' | 'ON_TIME' | 'LATE';

/** Done after the due time is late; on an earlier local day, early; on the day itself, on time. */
export function timeliness(done: Date, due: Date | null, calendar: WorkingCalendar): Timeliness {
  if (!due) return 'ON_TIME';
  if (done > due) return 'LATE';
  const day = (at: Date) => calendar.localDate(at.toISOString());
  return day(done) < day(due) ? 'EARLY' : 'ON_TIME';
}

/**
 * How a dossier kept its appointment, judged once, when its result reached the one-stop desk:
 * UNTIMED when its procedure has no statutory time (no appointment to keep: counted apart, never
 * as on time); LATE when marked late by rule (asked for papers more than once, or given a new
 * date with Form 04), whatever the clock says; otherwise by the appointment (already moved by the
 * time the clock was paused) — Decision 766's progress indicator counts the result ready at the
 * desk, not its collection.
 */
export type DossierOutcome = Timeliness | 'UNTIMED';

export function dossierOutcome(
  readyAt: Date,
  appointment: Date | null,
  lateMarked: boolean,
  calendar: WorkingCalendar,
): DossierOutcome {
  if (!appointment) return 'UNTIMED';
  if (lateMarked) return 'LATE';
  return timeliness(readyAt, appointment, calendar);
}
