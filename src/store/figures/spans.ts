/** A stretch of a period read from rollup rows of one span: days, or whole months. */
export interface SpanRange {
  span: 'day' | 'month';
  /** First day (for months, the first of the first month), inclusive; none: from the start. */
  from?: string;
  /** First day after the range; none: to the end. */
  until?: string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const text = (date: Date) => date.toISOString().slice(0, 10);
const monthStart = (iso: string) => `${iso.slice(0, 8)}01`;
const addMonths = (iso: string, months: number) => {
  const date = day(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return text(date);
};
const addDays = (iso: string, days: number) =>
  text(new Date(day(iso).getTime() + days * 86_400_000));

/**
 * How a period of local dates (inclusive) is read from the rollups: its whole months from the
 * month rows, the days before and after them from the day rows — so a year is twelve rows an
 * agency, not 365. Grouped by day, it is read from the day rows only.
 */
export function periodSpans(from?: string, to?: string, byDay = false): SpanRange[] {
  const until = to === undefined ? undefined : addDays(to, 1);
  if (byDay) return [{ span: 'day', from, until }];
  // The first whole month starts on or after `from`; the whole months end by `to`.
  const first =
    from === undefined || from === monthStart(from) ? from : addMonths(monthStart(from), 1);
  const end = until === undefined ? undefined : monthStart(until);
  if (first !== undefined && end !== undefined && first >= end) {
    return [{ span: 'day', from, until }];
  }
  const ranges: SpanRange[] = [{ span: 'month', from: first, until: end }];
  if (from !== undefined && first !== undefined && from < first) {
    ranges.push({ span: 'day', from, until: first });
  }
  if (until !== undefined && end !== undefined && end < until) {
    ranges.push({ span: 'day', from: end, until });
  }
  return ranges;
}
