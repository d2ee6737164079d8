import { mondayWeekday, shiftDate } from '../calendar/statutory-holidays';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Instant } from '../engine/types';

/** An hour, in milliseconds (Vietnam's offices keep no daylight saving). */
export const HOUR_MS = 3.6e6;
/** A day of 24 hours, in milliseconds. */
export const DAY_MS = 24 * HOUR_MS;

/** A local day of the simulated weeks: its date, when it begins, and its weekday (Monday 0). */
export interface LocalDay {
  date: string;
  begins: number;
  weekday: number;
}

/** The local days of `weeks` weeks from the office's date of `start`. */
export function daysOf(calendar: WorkingCalendar, start: Instant, weeks: number): LocalDay[] {
  const first = calendar.localDate(start);
  return Array.from({ length: weeks * 7 }, (_, index) =>
    localDay(calendar, shiftDate(first, index)),
  );
}

/** The local days from the office's date of `from` to that of `to`, `to`'s excluded. */
export function daysBetween(calendar: WorkingCalendar, from: Date, to: Date): LocalDay[] {
  const first = calendar.localDate(from.toISOString());
  const last = calendar.localDate(to.toISOString());
  const days: LocalDay[] = [];
  for (let date = first; date < last; date = shiftDate(date, 1))
    days.push(localDay(calendar, date));
  return days;
}

function localDay(calendar: WorkingCalendar, date: string): LocalDay {
  return {
    date,
    begins: Date.parse(calendar.startOfDate(date)),
    weekday: mondayWeekday(date),
  };
}

/** The local weekday (Monday 0) and hour of an instant: its hour of the week. */
export function hourOfWeek(calendar: WorkingCalendar, instant: Instant): number {
  const date = calendar.localDate(instant);
  const weekday = mondayWeekday(date);
  const hour = Math.floor((Date.parse(instant) - Date.parse(calendar.startOfDate(date))) / HOUR_MS);
  return weekday * 24 + hour;
}
