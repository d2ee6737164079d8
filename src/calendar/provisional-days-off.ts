import { shiftDate, statutoryHolidays } from './statutory-holidays';
import type { DayOff, LocalDate } from './types';

/**
 * The days off of a year whose official table has not been deployed yet, computed from the
 * Labour Code 2019 and marked `provisional` until an administrator deploys the year's table.
 *
 * - Art. 112(1)(đ): National Day is 2 September "and one day next to it" (before or after), the
 *   Prime Minister choosing which. We take 1 September: of the years 2022–2025 it is the choice
 *   the official tables made, or their compensatory day for it (2024: Sunday 1 September → Tuesday
 *   3 September). Unverified as a rule: it is a guess until the year's table says otherwise.
 * - Art. 111(3): a holiday falling on a weekly day off (Saturday or Sunday for civil servants)
 *   is compensated on the next working day.
 *
 * The government usually also moves days to make longer breaks (Tết bridges, swapped Saturdays);
 * those cannot be computed and come only with the year's table.
 */
export function provisionalDaysOff(year: number): DayOff[] {
  const statute = statutoryHolidays(year);
  const secondNationalDay: DayOff = {
    date: `${year}-09-01`,
    reason: 'Quốc khánh (ngày liền kề)',
    source: 'provisional',
  };
  const holidays = [...statute, secondNationalDay].sort((a, b) => a.date.localeCompare(b.date));
  const off = new Set(holidays.map((day) => day.date));
  const compensatory: DayOff[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let day = shiftDate(holiday.date, 1);
    while (isWeekend(day) || off.has(day)) day = shiftDate(day, 1);
    off.add(day);
    compensatory.push({
      date: day,
      reason: `Nghỉ bù ${holiday.reason} ngày ${holiday.date}`,
      source: 'provisional',
    });
  }
  return [secondNationalDay, ...compensatory];
}

function isWeekend(date: LocalDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
