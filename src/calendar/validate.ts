import { AppError } from '../errors';
import type { OfficeHours, ReceptionHours, Weekday, YearTable } from './types';

/**
 * The calendar files an administrator edits, checked before they are deployed: a mistake names
 * the file and the field, and nothing is deployed.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const WEEKDAYS: Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

export function officeHoursFrom(value: unknown, file: string): OfficeHours {
  const office = objectAt(value, file, '');
  if (typeof office.utcOffset !== 'string' || !/^[+-]\d{2}:\d{2}$/.test(office.utcOffset))
    invalid(file, 'utcOffset', 'an offset such as "+07:00"');
  checkHours(office, file);
  return office as unknown as OfficeHours;
}

/** An agency's reception hours (`reception.<agency code>.json`): its cut-off and periods. */
export function receptionHoursFrom(value: unknown, file: string): ReceptionHours {
  const reception = objectAt(value, file, '');
  checkHours(reception, file);
  return { cutoff: reception.cutoff, hours: reception.hours } as ReceptionHours;
}

/** The cut-off and the periods of every weekday from Monday to Friday, in order. */
function checkHours(office: Record<string, unknown>, file: string): void {
  const fail = (field: string, what: string) => invalid(file, field, what);
  if (typeof office.cutoff !== 'string' || !TIME.test(office.cutoff))
    fail('cutoff', 'a time such as "15:00"');
  const hours = objectAt(office.hours, file, 'hours');
  // Monday to Friday are working days: each needs its hours.
  for (const day of WEEKDAYS.slice(0, 5)) {
    if (!(day in hours))
      fail(`hours.${day}`, 'the opening hours of every day from Monday to Friday');
  }
  for (const [day, periods] of Object.entries(hours)) {
    if (!WEEKDAYS.includes(day as Weekday))
      fail(`hours.${day}`, `a weekday (${WEEKDAYS.join(', ')})`);
    if (!Array.isArray(periods) || periods.length === 0)
      fail(`hours.${day}`, 'a list of one or more ["HH:MM", "HH:MM"] periods');
    let previousEnd = '';
    (periods as unknown[]).forEach((period, index) => {
      const field = `hours.${day}[${index}]`;
      if (
        !Array.isArray(period) ||
        period.length !== 2 ||
        !period.every((time) => typeof time === 'string' && TIME.test(time)) ||
        period[0] >= period[1] ||
        period[0] < previousEnd
      )
        fail(field, 'an opening and a later closing time, after the previous period');
      previousEnd = (period as string[])[1];
    });
  }
}

export function yearTableFrom(value: unknown, file: string): YearTable {
  const fail = (field: string, what: string) => invalid(file, field, what);
  const table = objectAt(value, file, '');
  if (
    !Number.isInteger(table.year) ||
    (table.year as number) < 2000 ||
    (table.year as number) > 2100
  )
    fail('year', 'a year from 2000 to 2100');
  const year = String(table.year);
  if (typeof table.source !== 'string' || table.source.trim() === '')
    fail('source', 'the decision or notice the table comes from');
  if (!Array.isArray(table.daysOff)) fail('daysOff', 'a list');
  if (!Array.isArray(table.workingDays)) fail('workingDays', 'a list');
  // A real date of this year: 2026-02-30 is not one (Date would roll it into March).
  const inYear = (date: unknown) =>
    typeof date === 'string' &&
    DATE.test(date) &&
    date.startsWith(`${year}-`) &&
    new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  (table.daysOff as unknown[]).forEach((entry, index) => {
    const range = objectAt(entry, file, `daysOff[${index}]`);
    // A range across the new year goes in two tables, one per year.
    if (!inYear(range.from)) fail(`daysOff[${index}].from`, `a date YYYY-MM-DD in ${year}`);
    if (!inYear(range.to) || (range.to as string) < (range.from as string))
      fail(`daysOff[${index}].to`, `a date YYYY-MM-DD in ${year}, not before 'from'`);
    if (typeof range.reason !== 'string' || range.reason.trim() === '')
      fail(`daysOff[${index}].reason`, 'the reason for the days off');
  });
  (table.workingDays as unknown[]).forEach((entry, index) => {
    const day = objectAt(entry, file, `workingDays[${index}]`);
    if (!inYear(day.date)) fail(`workingDays[${index}].date`, `a date YYYY-MM-DD in ${year}`);
    if (typeof day.reason !== 'string' || day.reason.trim() === '')
      fail(`workingDays[${index}].reason`, 'the reason for working that day');
  });
  return table as unknown as YearTable;
}

function objectAt(value: unknown, file: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid(file, field || '(file)', 'a JSON object');
  return value as Record<string, unknown>;
}

function invalid(file: string, field: string, what: string): never {
  throw new AppError('BAD_USER_INPUT', `${file}: '${field}' must be ${what}`, {
    field,
    key: file,
  });
}
