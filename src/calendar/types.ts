/**
 * The working-time calendar (lịch làm việc) of an office, as plain data: the statute gives the
 * public holidays; each year's table (processes/calendars/YYYY.json) adds compensatory days off
 * and swapped working Saturdays; the office's hours say when it receives.
 */

/** A local calendar date, `YYYY-MM-DD`, in the office's time zone. */
export type LocalDate = string;

export interface YearTable {
  year: number;
  /** Where the table comes from (the decision or notice an administrator copied it from). */
  source: string;
  daysOff: { from: LocalDate; to: LocalDate; reason: string }[];
  /** Saturdays or Sundays worked in exchange for a day off. */
  workingDays: { date: LocalDate; reason: string }[];
}

/** Opening hours, `HH:MM` pairs per weekday; a weekday absent is closed unless the table swaps it in. */
export interface OfficeHours {
  /** The office's offset from UTC; Vietnam keeps +07:00 all year. */
  utcOffset: string;
  /** Received after this time, a dossier counts from the next working day. */
  cutoff: string;
  hours: Partial<Record<Weekday, [string, string][]>>;
}

/**
 * When one agency's one-stop desk receives (giờ tiếp nhận), apart from the working time that
 * deadlines count: its own periods per weekday (a Monday kept open longer, a Saturday morning)
 * and its cut-off. A dossier counts from the working day of reception when it came before the
 * cut-off; "within the working day" means by the desk's closing that day.
 */
export interface ReceptionHours {
  cutoff: string;
  hours: Partial<Record<Weekday, [string, string][]>>;
}

export type Weekday =
  'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface DayOff {
  date: LocalDate;
  reason: string;
  /**
   * `statute`: the Labour Code's holidays; `table`: the year's official table; `provisional`:
   * computed from the Labour Code for a year whose table is not deployed yet.
   */
  source: 'statute' | 'table' | 'provisional';
}
