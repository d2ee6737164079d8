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
