import type { WorkingCalendar } from './working-calendar';

/**
 * A length of working time: whole working days, then opening-hours minutes; or "within the
 * working day" (trong ngày làm việc): by the close of the day counting starts on.
 */
export interface WorkingDuration {
  days: number;
  minutes: number;
  withinTheDay?: true;
}

/**
 * `tthc:statutoryDuration="none"`: the procedure says the law sets it no time (or none could be
 * found). Its dossiers get no appointment and are counted apart from the on-time figures.
 */
export const NO_STATUTORY_TIME = 'none';

const WITHIN_THE_DAY = /^(within the working day|trong ngày làm việc|trong ngày)$/i;

const WORDS = /^(\d+(?:[.,]\d+)?)\s*(working days?|working hours?|ngày làm việc|giờ làm việc)$/i;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+)M)?)?$/;

/**
 * Reads working time as written in a procedure: `3 working days`, `4 working hours`,
 * `1 ngày làm việc`, `within the working day` (`trong ngày làm việc`), or ISO 8601 days, hours and minutes (`P3D`, `PT4H`, `P1DT2H30M`) counted in
 * working days and opening hours. Half days (`0.5 working days`) are rounded up to a whole day.
 */
export function parseWorkingDuration(text: string | undefined): WorkingDuration | undefined {
  const trimmed = text?.trim() ?? '';
  if (WITHIN_THE_DAY.test(trimmed)) return { days: 0, minutes: 0, withinTheDay: true };
  const words = WORDS.exec(trimmed);
  if (words) {
    const amount = Number(words[1].replace(',', '.'));
    return /day|ngày/i.test(words[2])
      ? { days: Math.ceil(amount), minutes: 0 }
      : { days: 0, minutes: Math.round(amount * 60) };
  }
  const iso = ISO.exec(trimmed);
  if (!iso || trimmed === 'P' || trimmed.endsWith('T')) return undefined;
  const [, days, hours, minutes] = iso;
  return {
    days: Number(days ?? 0),
    minutes: Math.round(Number((hours ?? '0').replace(',', '.')) * 60) + Number(minutes ?? 0),
  };
}

/** Whether the text is written in working days or hours (rather than calendar ISO time). */
/**
 * The statutory time as the citizen reads it on Form 01: `3 working days` → `3 ngày làm việc`,
 * `within the working day` → `trong ngày làm việc`, `none` → `không quy định`.
 */
export function statutoryTimeInVietnamese(text: string | undefined): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '' || trimmed === NO_STATUTORY_TIME) return 'Không quy định thời hạn';
  const duration = parseWorkingDuration(trimmed);
  if (!duration) return trimmed;
  if (duration.withinTheDay) return 'Trong ngày làm việc';
  const hours = duration.minutes / 60;
  return [
    duration.days > 0 ? `${duration.days} ngày làm việc` : '',
    hours > 0 ? `${hours.toLocaleString('vi-VN')} giờ làm việc` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function isWorkingTimeText(text: string | undefined): boolean {
  const trimmed = text?.trim() ?? '';
  return WORDS.test(trimmed) || WITHIN_THE_DAY.test(trimmed);
}

/** The instant a working duration after `from`: its days first, then its minutes. */
export function addWorkingDuration(
  calendar: WorkingCalendar,
  from: string,
  duration: WorkingDuration,
): string {
  if (duration.withinTheDay) return calendar.closingOf(from);
  const afterDays = duration.days > 0 ? calendar.addWorkingDays(from, duration.days) : from;
  return duration.minutes > 0
    ? calendar.addWorkingHours(afterDays, duration.minutes / 60)
    : afterDays;
}
