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

/** What lateness reads of a dossier, as its row carries it (copied from its process). */
export interface LatenessFacts {
  appointmentAt: Date | null;
  /** Asked for papers more than once, or given a new date (Form 04). */
  lateMarked: boolean;
  /** The appointment's deadline timer fired. */
  overdue: boolean;
  /** Waiting for the citizen: the appointment will move when the clock runs again. */
  clockPaused: boolean;
}

/**
 * An open dossier, now: UNTIMED without an appointment, OVERDUE when late by rule or its
 * appointment passed while its clock ran, else WITHIN_TIME — the order of dossierOutcome.
 */
export function openLateness(
  facts: LatenessFacts,
  now: Date,
): 'UNTIMED' | 'OVERDUE' | 'WITHIN_TIME' {
  if (!facts.appointmentAt) return 'UNTIMED';
  if (facts.lateMarked || facts.overdue || (!facts.clockPaused && facts.appointmentAt < now))
    return 'OVERDUE';
  return 'WITHIN_TIME';
}

/**
 * `openLateness` over a dossier row aliased `d`, for the SQL that counts many at once; a test
 * holds the two to the same answers for every combination of facts.
 */
const FLAGGED = '(d.appointment_at IS NOT NULL AND (d.late_marked OR d.overdue))';
const PASSED = (now: string) =>
  `(NOT d.late_marked AND NOT d.overdue AND NOT d.clock_paused AND d.appointment_at < ${now})`;

export const OPEN_LATENESS_SQL = {
  untimed: 'd.appointment_at IS NULL',
  overdue: (now: string) => `(${FLAGGED} OR ${PASSED(now)})`,
  /**
   * The overdue ones in two sets that never overlap, each the predicate of a partial index (see
   * the InProgressMeasures migration), so that counting them reads the overdue dossiers alone:
   * marked late or timed out; or unmarked, with the appointment passed while the clock ran.
   */
  flagged: FLAGGED,
  passed: PASSED,
};
