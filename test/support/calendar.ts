import path from 'node:path';
import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import { calendarOf, readCalendarFiles, type CalendarFile } from '../../src/store/calendars';
import { PROJECT_ROOT } from './models';

/** The calendar files under processes/calendars, as `npm start` deploys them. */
export function projectCalendarFiles(): Promise<CalendarFile[]> {
  return readCalendarFiles(path.join(PROJECT_ROOT, 'processes', 'calendars'));
}

/** The project's calendar: the office's hours and every year's table. */
export async function projectCalendar(): Promise<WorkingCalendar> {
  return calendarOf(await projectCalendarFiles());
}
