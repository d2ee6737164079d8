import Holidays from 'date-holidays';
import type { DayOff, LocalDate } from './types';

/**
 * The public holidays of the Labour Code 2019, art. 112, for a year: New Year's Day, five days of
 * Lunar New Year, the Hùng Kings' day, 30 April, 1 May and 2 September. The lunar dates come from
 * `date-holidays` (country VN), which gives New Year's Eve and Day; the Code's five Tết days are
 * that eve and the four days after it. The second National Day holiday and compensatory days are
 * set each year by the government: they are in the year's table.
 */
export function statutoryHolidays(year: number): DayOff[] {
  const holidays = new Holidays('VN')
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public');
  const days: DayOff[] = [];
  for (const holiday of holidays) {
    const date = holiday.date.slice(0, 10);
    if (holiday.name.startsWith('Giao thừa')) {
      for (let offset = 0; offset < 5; offset++) {
        days.push({ date: shiftDate(date, offset), reason: 'Tết Nguyên đán', source: 'statute' });
      }
    } else if (!holiday.name.startsWith('Tết Nguyên Đán')) {
      days.push({ date, reason: holiday.name, source: 'statute' });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** A local date's weekday, Monday 0 to Sunday 6 (the week as an office counts it). */
export function mondayWeekday(date: LocalDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function shiftDate(date: LocalDate, days: number): LocalDate {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}
