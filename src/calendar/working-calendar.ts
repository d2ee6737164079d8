import { provisionalDaysOff } from './provisional-days-off';
import { shiftDate, statutoryHolidays } from './statutory-holidays';
import type { DayOff, LocalDate, OfficeHours, ReceptionHours, Weekday, YearTable } from './types';

const WEEKDAYS: Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const MINUTE = 60_000;

/** Working time between two instants is counted in minutes of opening hours. */
export type WorkingMinutes = number;

/**
 * An office's working calendar: pure functions of the statute, the yearly tables and the opening
 * hours. Instants are ISO strings in UTC; days are the office's local dates. Working days are
 * Monday to Friday, less holidays and days off, plus swapped working days.
 */
/** A calendar as plain data (see WorkingCalendar.toParts). */
export interface CalendarParts {
  office: OfficeHours;
  tables: readonly YearTable[];
  receptions: [string, ReceptionHours][];
  reception?: ReceptionHours;
}

export class WorkingCalendar {
  private readonly offsetMinutes: number;
  private readonly daysOffByDate = new Map<LocalDate, DayOff>();
  private readonly swappedIn = new Set<LocalDate>();
  private readonly years = new Set<number>();

  private readonly byAgency = new Map<string, WorkingCalendar>();
  /** For an agency's view: the office-wide calendar it was made from. */
  private officeWide?: WorkingCalendar;

  constructor(
    private readonly office: OfficeHours,
    private readonly tables: readonly YearTable[],
    /** Each agency's reception hours, by its code; one of them when this is that agency's view. */
    private readonly receptions: ReadonlyMap<string, ReceptionHours> = new Map(),
    private readonly reception?: ReceptionHours,
  ) {
    const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(office.utcOffset) ?? [
      '',
      '+',
      '07',
      '00',
    ];
    this.offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }

  /**
   * The calendar as an agency's desk sees it: the same working time and days off, with its own
   * reception hours for the 15:00 rule and "within the working day" (the office's when it has none).
   */
  forAgency(agencyCode: string | null | undefined): WorkingCalendar {
    const office = this.officeWide ?? this;
    const reception = agencyCode ? this.receptions.get(agencyCode) : undefined;
    if (!reception || !agencyCode) return office;
    let calendar = office.byAgency.get(agencyCode);
    if (!calendar) {
      calendar = new WorkingCalendar(this.office, this.tables, this.receptions, reception);
      calendar.officeWide = office;
      office.byAgency.set(agencyCode, calendar);
    }
    return calendar;
  }

  /**
   * What the calendar is made of, as plain data: to rebuild it where only data can go (a worker
   * thread), with `fromParts`.
   */
  toParts(): CalendarParts {
    return {
      office: this.office,
      tables: this.tables,
      receptions: [...this.receptions],
      reception: this.reception,
    };
  }

  static fromParts(parts: CalendarParts): WorkingCalendar {
    return new WorkingCalendar(
      parts.office,
      parts.tables,
      new Map(parts.receptions),
      parts.reception,
    );
  }

  /** The agency's reception hours this view counts with, if it has its own. */
  receptionHours(): ReceptionHours | undefined {
    return this.reception;
  }

  /** The days off of a year, each with its reason and source. */
  daysOff(year: number): DayOff[] {
    this.loadYear(year);
    return [...this.daysOffByDate.values()]
      .filter((day) => day.date.startsWith(`${year}-`))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Whether a year's days off are computed (no official table deployed for it yet). */
  isProvisional(year: number): boolean {
    return !this.tables.some((table) => table.year === year);
  }

  /** Saturdays or Sundays worked in a year, from its table. */
  swappedWorkingDays(year: number): LocalDate[] {
    this.loadYear(year);
    return [...this.swappedIn].filter((date) => date.startsWith(`${year}-`)).sort();
  }

  isWorkingDay(date: LocalDate): boolean {
    this.loadYear(Number(date.slice(0, 4)));
    if (this.swappedIn.has(date)) return true;
    if (this.daysOffByDate.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** Whether the office is open at an instant. */
  isWorkingTime(instant: string): boolean {
    const { date, minutes } = this.local(instant);
    return (
      this.isWorkingDay(date) &&
      this.periods(date).some(([from, to]) => minutes >= from && minutes < to)
    );
  }

  /**
   * Where counting starts for a dossier received at an instant: then, if the office is open and
   * it is before the cut-off (15:00); otherwise the opening of the next working day.
   */
  countingStart(receivedAt: string): string {
    const { date, minutes } = this.local(receivedAt);
    // Before the desk's cut-off on a working day it counts from then, or from when working time
    // next starts that day (after lunch); otherwise from the next working morning.
    const cutoff = this.reception?.cutoff ?? this.office.cutoff;
    if (this.isWorkingDay(date) && minutes < toMinutes(cutoff)) {
      const start = this.nextWorkingInstant(receivedAt);
      if (this.local(start).date === date) return start;
    }
    return this.opening(this.nextWorkingDay(date));
  }

  /**
   * The instant `days` working days after `from`: the same time of day on the working day that
   * many working days later (from an instant outside hours, from the next time the office opens:
   * after lunch, or the next working morning).
   */
  addWorkingDays(from: string, days: number): string {
    const { date, minutes } = this.local(this.nextWorkingInstant(from));
    let day = date;
    for (let counted = 0; counted < days;) {
      day = shiftDate(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return this.instant(day, minutes);
  }

  /**
   * The same time of day `days` working days before `to`, or that day's closing when the office
   * closes earlier that day (Monday 17:15 less a day is Friday 17:00).
   */
  subtractWorkingDays(to: string, days: number): string {
    const { date, minutes } = this.local(to);
    let day = date;
    for (let counted = 0; counted < days;) {
      day = shiftDate(day, -1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    const closing = this.periods(day).at(-1)?.[1] ?? minutes;
    return this.instant(day, Math.min(minutes, closing));
  }

  /** The instant after `hours` of opening hours from `from`. */
  addWorkingHours(from: string, hours: number): string {
    let remaining = Math.round(hours * 60);
    let { date, minutes } = this.local(from);
    for (let guard = 0; guard < 3660; guard++) {
      if (this.isWorkingDay(date)) {
        for (const [open, close] of this.periods(date)) {
          const start = Math.max(open, minutes);
          if (start >= close) continue;
          if (start + remaining <= close) return this.instant(date, start + remaining);
          remaining -= close - start;
          minutes = close;
        }
      }
      date = shiftDate(date, 1);
      minutes = 0;
    }
    throw new Error('No working hours within ten years');
  }

  /** Opening-hours minutes between two instants (zero when `to` is not after `from`). */
  workingTimeBetween(from: string, to: string): WorkingMinutes {
    if (to <= from) return 0;
    const end = this.local(to);
    let { date, minutes } = this.local(from);
    let total = 0;
    for (; date <= end.date; date = shiftDate(date, 1), minutes = 0) {
      if (!this.isWorkingDay(date)) continue;
      const until = date === end.date ? end.minutes : 24 * 60;
      for (const [open, close] of this.periods(date)) {
        total += Math.max(0, Math.min(close, until) - Math.max(open, minutes));
      }
    }
    return total;
  }

  /** The end of the office's local day of an instant (midnight, local time). */
  endOfDay(instant: string): string {
    return this.instant(shiftDate(this.local(instant).date, 1), 0);
  }

  /**
   * When the desk closes on the working day of `from` (or the next, outside hours): by the
   * agency's reception hours when it has its own, else the office's.
   */
  closingOf(from: string): string {
    const { date } = this.local(this.nextWorkingInstant(from));
    const periods = this.reception ? periodsIn(this.reception.hours, date) : this.periods(date);
    const closing = periods[periods.length - 1]?.[1] ?? this.periods(date).at(-1)?.[1] ?? 0;
    return this.instant(date, closing);
  }

  /** `from` if the office is open then; else when it next opens (after lunch, or a later day). */
  nextWorkingInstant(from: string): string {
    const { date, minutes } = this.local(from);
    if (this.isWorkingDay(date)) {
      const period = this.periods(date).find(([, close]) => minutes < close);
      if (period) return minutes >= period[0] ? from : this.instant(date, period[0]);
    }
    return this.opening(this.nextWorkingDay(date));
  }

  private nextWorkingDay(date: LocalDate): LocalDate {
    let day = shiftDate(date, 1);
    while (!this.isWorkingDay(day)) day = shiftDate(day, 1);
    return day;
  }

  private opening(date: LocalDate): string {
    return this.instant(date, this.periods(date)[0]?.[0] ?? 0);
  }

  /** A working day's opening periods in minutes of the day; a swapped-in weekend day keeps its hours. */
  private periods(date: LocalDate): [number, number][] {
    return periodsIn(this.office.hours, date);
  }

  /** When a local date begins at the office. */
  startOfDate(date: LocalDate): string {
    return this.instant(date, 0);
  }

  /** The office's local date of an instant. */
  localDate(instant: string): LocalDate {
    return this.local(instant).date;
  }

  private local(instant: string): { date: LocalDate; minutes: number } {
    const shifted = new Date(Date.parse(instant) + this.offsetMinutes * MINUTE);
    return {
      date: shifted.toISOString().slice(0, 10),
      minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    };
  }

  private instant(date: LocalDate, minutes: number): string {
    return new Date(
      Date.parse(`${date}T00:00:00Z`) + (minutes - this.offsetMinutes) * MINUTE,
    ).toISOString();
  }

  private loadYear(year: number): void {
    if (this.years.has(year)) return;
    this.years.add(year);
    for (const day of statutoryHolidays(year)) this.daysOffByDate.set(day.date, day);
    if (this.isProvisional(year)) {
      for (const day of provisionalDaysOff(year)) this.daysOffByDate.set(day.date, day);
    }
    for (const table of this.tables.filter((t) => t.year === year)) {
      for (const range of table.daysOff) {
        for (let date = range.from; date <= range.to; date = shiftDate(date, 1)) {
          this.daysOffByDate.set(date, { date, reason: range.reason, source: 'table' });
        }
      }
      for (const day of table.workingDays) this.swappedIn.add(day.date);
    }
  }
}

/** A day's periods in minutes of the day; a weekday not listed (a swapped-in weekend) has Friday's. */
function periodsIn(hours: OfficeHours['hours'], date: LocalDate): [number, number][] {
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return (hours[weekday] ?? hours.friday ?? []).map(([from, to]) => [
    toMinutes(from),
    toMinutes(to),
  ]);
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
