/** An instant as ISO 8601 text in UTC. */
type Instant = string;

/**
 * ISO 8601 durations (`P3D`, `PT4H30M`, `P1Y2M`), dates and repeating cycles (`R3/PT10H`,
 * `R/P1D`, `R2/2026-03-02T08:00:00Z/PT1H`), done in UTC without the clock: pure arithmetic.
 * Working-day durations come with the calendar.
 */
const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isDuration(text: string): boolean {
  const match = DURATION.exec(text);
  return (
    match !== null &&
    text !== 'P' &&
    !text.endsWith('T') &&
    match.slice(1).some((part) => part !== undefined)
  );
}

export function isDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) &&
    !Number.isNaN(Date.parse(text))
  );
}

/** The instant a duration after `from`. */
export function addDuration(from: Instant, duration: string): Instant {
  const match = DURATION.exec(duration);
  if (!match || !isDuration(duration)) throw new Error(`'${duration}' is not an ISO 8601 duration`);
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = new Date(from);
  // Months and years first, clamped to the month's last day as Java and Camunda do (31 Jan + P1M = 28 Feb).
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCFullYear(date.getUTCFullYear() + years, date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay) + weeks * 7 + days);
  date.setTime(date.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
  return date.toISOString();
}

export interface Cycle {
  /** How many times it fires in all; null: for ever. */
  repetitions: number | null;
  start?: Instant;
  interval: string;
}

export function parseCycle(text: string): Cycle | undefined {
  const parts = text.split('/');
  const repeat = /^R(\d*)$/.exec(parts[0]);
  if (!repeat) return undefined;
  const repetitions = repeat[1] === '' ? null : Number(repeat[1]);
  if (parts.length === 2 && isDuration(parts[1])) return { repetitions, interval: parts[1] };
  if (parts.length === 3 && isDate(parts[1]) && isDuration(parts[2])) {
    return { repetitions, start: new Date(parts[1]).toISOString(), interval: parts[2] };
  }
  return undefined;
}
