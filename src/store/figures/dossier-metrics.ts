import { OPEN_LATENESS_SQL } from '../../calendar/timeliness';
import { preparedQuery } from '../prepared';
import type { Store } from '../store';
import { periodSpans } from './spans';

/** What dossiers may be grouped by. */
export type Dimension = 'AGENCY' | 'FIELD' | 'PROCEDURE' | 'CHANNEL' | 'OFFICER' | 'MONTH' | 'DAY';

/** Which dossiers count: those received in the period (office's local dates, inclusive). */
export interface MetricsFilter {
  from?: string;
  to?: string;
  /** None: every agency. */
  agencyCodes?: string[];
  field?: string;
  procedureKey?: string;
  channel?: string;
  /** The officer who received them. */
  officer?: string;
}

/** The counted measures, as the rollup and `dossier_measures` name them. */
export const MEASURES = [
  'received',
  'resolved',
  'early',
  'on_time',
  'late',
  'refused',
  'withdrawn',
  'stopped',
  'online_full',
  'online_partial',
  'digitized',
  'reused',
  'with_fee',
  'cashless',
  'electronic_results',
  'electronic_copies',
  'joint',
  'processing_minutes',
  'returned',
  'with_electronic_copies',
  'unsatisfied',
  'untimed',
  'returned_at_desk',
  'returned_by_post',
  'returned_at_home',
  'returned_online',
  'resolved_same_day',
  'home_round_trip',
  'synchronized',
] as const;

export type Measure = (typeof MEASURES)[number];

/** The rollup's counts of dossiers not finished yet, which `inProgress` reports. */
const IN_PROGRESS = ['in_progress', 'in_progress_untimed'];

export interface MetricsGroup {
  agencyCode?: string;
  field?: string;
  procedureKey?: string;
  channel?: string;
  officer?: string;
  /** `YYYY-MM`. */
  month?: string;
  /** `YYYY-MM-DD`. */
  day?: string;
}

export interface MetricsRow {
  group: MetricsGroup;
  /** The p90 processing time in working minutes (a bucket's upper bound), when asked for. */
  p90Minutes?: number | null;
  counts: Record<Measure, number>;
  /** Received in the period and not finished now, within their time or not. */
  inProgress: number;
  inProgressOverdue: number;
  /** Of those, the ones whose procedure sets no time: neither within time nor overdue. */
  inProgressUntimed: number;
  /**
   * Dossiers the desk did not receive, answered in writing: guided to complete them (Form 02)
   * or refused (Form 03), on their day of issue. Not dossiers: not in `received`.
   */
  guidedAtDesk: number;
  refusedAtDesk: number;
}

/** The columns a source names its keys by: the rollup's, or the dossier's own. */
interface Columns {
  day: string;
  agency: string;
  field: string;
  procedure: string;
  channel: string;
  officer: string;
}

const ROLLUP: Columns = {
  day: 'r.day',
  agency: 'r.agency_code',
  field: 'r.field',
  procedure: 'r.procedure_key',
  channel: 'r.channel',
  officer: 'r.officer',
};

const DOSSIER: Columns = {
  day: 'd.received_day',
  agency: 'd.agency_code',
  field: 'd.field',
  procedure: 'd.procedure_key',
  channel: 'd.channel',
  officer: 'd.received_by',
};

/** The desk's notices (Forms 02 and 03 without a dossier): all of them in person, at the desk. */
const NOTICE: Columns = {
  day: 'n.issued_day',
  agency: 'n.agency_code',
  field: 'n.field',
  procedure: 'n.procedure_key',
  channel: `'IN_PERSON'`,
  officer: 'n.issued_by',
};

/** The overdue dossiers counted by column (see overdueCounts), under the columns' own names. */
const COUNTED: Columns = {
  day: 'o.day',
  agency: 'o.agency',
  field: 'o.field',
  procedure: 'o.procedure',
  channel: 'o.channel',
  officer: 'o.officer',
};

/** A grouped column: its name in the group, the source column it reads, and its SQL. */
const DIMENSIONS: Record<
  Dimension,
  { key: keyof MetricsGroup; reads: keyof Columns; sql: (c: Columns) => string }
> = {
  AGENCY: { key: 'agencyCode', reads: 'agency', sql: (c) => c.agency },
  FIELD: { key: 'field', reads: 'field', sql: (c) => c.field },
  PROCEDURE: { key: 'procedureKey', reads: 'procedure', sql: (c) => c.procedure },
  CHANNEL: { key: 'channel', reads: 'channel', sql: (c) => c.channel },
  OFFICER: { key: 'officer', reads: 'officer', sql: (c) => c.officer },
  MONTH: { key: 'month', reads: 'day', sql: (c) => `to_char(${c.day}, 'YYYY-MM')` },
  DAY: { key: 'day', reads: 'day', sql: (c) => `to_char(${c.day}, 'YYYY-MM-DD')` },
};

/**
 * Counts the dossiers received in a period, grouped. The counts come from the rollup at the
 * smallest grain that holds every dimension asked for (agency; procedure, field and channel;
 * the receiving officer), a few rows a day and agency; only a question mixing the officer with
 * the procedure reads the dossiers themselves, through the same measures. The dossiers still
 * in progress are counted there too; which of them are overdue depends on now, so those are
 * counted live, from the overdue ones only.
 */
export async function dossierMetrics(
  store: Store,
  filter: MetricsFilter,
  groupBy: Dimension[],
  now: Date,
  options: { p90?: boolean } = {},
): Promise<MetricsRow[]> {
  const dimensions = [...new Set(groupBy)];
  const used = new Set<string>([...dimensions, ...filteredDimensions(filter)]);
  const byProcedure = ['FIELD', 'PROCEDURE', 'CHANNEL'].some((d) => used.has(d));
  const byOfficer = used.has('OFFICER');
  const [rows, overdueRows, noticeRows] = await Promise.all([
    receivedCounts(store, filter, dimensions, { byProcedure, byOfficer }),
    overdueCounts(store, filter, dimensions, now),
    deskNoticeCounts(store, filter, dimensions),
  ]);
  const keyOf = (row: Record<string, unknown>) =>
    JSON.stringify(dimensions.map((_, i) => row[`g${i}`]));
  const overdueByKey = new Map(overdueRows.map((row) => [keyOf(row), row.overdue]));
  const noticesByKey = new Map(noticeRows.map((row) => [keyOf(row), row]));
  // A group the desk only answered (no dossier received) still has its row.
  const present = new Set(rows.map(keyOf));
  const zero = Object.fromEntries([...MEASURES, ...IN_PROGRESS].map((m) => [m, 0]));
  for (const row of noticeRows) {
    if (!present.has(keyOf(row))) rows.push({ ...row, ...zero } as Record<string, string | null>);
  }
  const p90ByKey = options.p90
    ? new Map(
        (await p90Of(store, filter, dimensions, byProcedure || byOfficer)).map((row) => [
          keyOf(row),
          row.p90 === null ? null : Number(row.p90),
        ]),
      )
    : undefined;
  return rows
    .filter((row) => Number(row.received) > 0 || noticesByKey.has(keyOf(row)))
    .map((row) => {
      const group: MetricsGroup = {};
      dimensions.forEach((d, i) => (group[DIMENSIONS[d].key] = String(row[`g${i}`])));
      return {
        group,
        counts: Object.fromEntries(MEASURES.map((m) => [m, Number(row[m])])) as Record<
          Measure,
          number
        >,
        ...(p90ByKey && { p90Minutes: p90ByKey.get(keyOf(row)) ?? null }),
        inProgress: Number(row.in_progress),
        inProgressOverdue: Number(overdueByKey.get(keyOf(row)) ?? 0),
        inProgressUntimed: Number(row.in_progress_untimed),
        guidedAtDesk: Number(noticesByKey.get(keyOf(row))?.guided ?? 0),
        refusedAtDesk: Number(noticesByKey.get(keyOf(row))?.refused ?? 0),
      };
    })
    .sort((a, b) => JSON.stringify(a.group).localeCompare(JSON.stringify(b.group)));
}

/**
 * The received dossiers' measures, from the rollup at the smallest grain that holds every
 * dimension asked for, or from the dossiers themselves.
 */
async function receivedCounts(
  store: Store,
  filter: MetricsFilter,
  dimensions: Dimension[],
  { byProcedure, byOfficer }: { byProcedure: boolean; byOfficer: boolean },
): Promise<Record<string, string | null>[]> {
  // No rollup grain holds the officer and the procedure together: those read the dossiers.
  const fromRollup = !(byProcedure && byOfficer);
  const source = fromRollup
    ? `dossier_rollup r`
    : `(SELECT m.* FROM dossier d, LATERAL dossier_measures(d) m) AS r`;
  const grain = byOfficer ? 'officer' : byProcedure ? 'procedure' : 'agency';
  const byDay = dimensions.includes('DAY');
  const counted = where(filter, ROLLUP, fromRollup ? { byDay } : undefined);
  if (fromRollup) counted.conditions.push(`r.grain = '${grain}'`);
  return (await preparedQuery(
    store.manager,
    `SELECT ${[...groupColumns(dimensions, ROLLUP), ...[...MEASURES, ...IN_PROGRESS].map((m) => `sum(r.${m})::bigint AS ${m}`)].join(', ')}
       FROM ${source}
      WHERE ${counted.conditions.join(' AND ') || 'true'}
      ${groupBySql(dimensions)}`,
    counted.params,
  )) as Record<string, string | null>[];
}

/**
 * The dossiers in progress that are overdue now, counted live from the two sets the lateness
 * rule splits them into (marked late or timed out; or the appointment passed while the clock
 * ran), each read from its own partial index: the overdue dossiers, not every open one.
 */
async function overdueCounts(
  store: Store,
  filter: MetricsFilter,
  dimensions: Dimension[],
  now: Date,
): Promise<Record<string, string | number | null>[]> {
  const open = where(filter, DOSSIER);
  open.params.push(now);
  const read = [...new Set(dimensions.map((d) => DIMENSIONS[d].reads))];
  const columns = read.map((column) => `${DOSSIER[column]} AS ${column}`).join(', ');
  const overdue = (set: string) =>
    `SELECT ${columns || 'true'} FROM dossier d
      WHERE d.finished_at IS NULL AND ${set} ${open.conditions.map((c) => `AND ${c}`).join(' ')}`;
  return (await preparedQuery(
    store.manager,
    `SELECT ${[...groupColumns(dimensions, COUNTED), 'count(*)::int AS overdue'].join(', ')}
       FROM (${overdue(OPEN_LATENESS_SQL.flagged)}
             UNION ALL
             ${overdue(OPEN_LATENESS_SQL.passed(`$${open.params.length}`))}) o
      ${groupBySql(dimensions)}`,
    open.params,
  )) as Record<string, string | number | null>[];
}

/** The desk's answers without a dossier: guidance (Form 02) and refusals (Form 03). */
async function deskNoticeCounts(
  store: Store,
  filter: MetricsFilter,
  dimensions: Dimension[],
): Promise<Record<string, string | number | null>[]> {
  const notices = where(filter, NOTICE);
  return (await preparedQuery(
    store.manager,
    `SELECT ${[...groupColumns(dimensions, NOTICE), `count(*) FILTER (WHERE n.number = '02')::int AS guided`, `count(*) FILTER (WHERE n.number = '03')::int AS refused`].join(', ')}
       FROM desk_notice n
      WHERE ${notices.conditions.join(' AND ') || 'true'}
      ${groupBySql(dimensions)}
     HAVING count(*) > 0`,
    notices.params,
  )) as Record<string, string | number | null>[];
}

/**
 * The 90th percentile of processing time per group, as the upper bound of the working-time
 * bucket it falls in: from the duration rollup when only agencies and dates are asked about,
 * else from the resolved dossiers themselves, bucketed alike so that both give the same answer.
 */
async function p90Of(
  store: Store,
  filter: MetricsFilter,
  dimensions: Dimension[],
  fromDossiers: boolean,
): Promise<Record<string, unknown>[]> {
  if (fromDossiers) {
    const { conditions, params } = where(filter, DOSSIER);
    return preparedQuery(
      store.manager,
      `SELECT ${[...groupColumns(dimensions, DOSSIER), `duration_bucket_upper(duration_bucket(percentile_disc(0.9) WITHIN GROUP (ORDER BY d.processing_minutes))) AS p90`].join(', ')}
         FROM dossier d
        WHERE d.outcome IS NOT NULL ${conditions.map((c) => `AND ${c}`).join(' ')}
        ${groupBySql(dimensions)}`,
      params,
    );
  }
  const { conditions, params } = where(filter, ROLLUP, { byDay: dimensions.includes('DAY') });
  const groups = dimensions.map((_, i) => `g${i}`);
  const partition = groups.length ? `PARTITION BY ${groups.join(', ')}` : '';
  return preparedQuery(
    store.manager,
    `SELECT ${groups.length ? `DISTINCT ON (${groups.join(', ')})` : ''} ${[...groups, 'duration_bucket_upper(bucket) AS p90'].join(', ')}
       FROM (SELECT *, sum(n) OVER (${partition} ORDER BY bucket) AS running,
                    sum(n) OVER (${partition}) AS total
               FROM (SELECT ${[...groupColumns(dimensions, ROLLUP), 'r.bucket', 'sum(r.resolved) AS n'].join(', ')}
                       FROM dossier_duration_rollup r
                      WHERE ${conditions.join(' AND ') || 'true'}
                      GROUP BY ${[...groups, 'r.bucket'].join(', ')}) AS grouped) AS counted
      WHERE total > 0 AND running >= 0.9 * total
      ORDER BY ${[...groups, 'bucket'].join(', ')} ${groups.length ? '' : 'LIMIT 1'}`,
    params,
  );
}

function groupColumns(dimensions: Dimension[], columns: Columns): string[] {
  return dimensions.map((d, i) => `${DIMENSIONS[d].sql(columns)} AS g${i}`);
}

function groupBySql(dimensions: Dimension[]): string {
  return dimensions.length ? `GROUP BY ${dimensions.map((_, i) => `g${i}`).join(', ')}` : '';
}

function filteredDimensions(filter: MetricsFilter): Dimension[] {
  const used: Dimension[] = [];
  if (filter.field !== undefined) used.push('FIELD');
  if (filter.procedureKey !== undefined) used.push('PROCEDURE');
  if (filter.channel !== undefined) used.push('CHANNEL');
  if (filter.officer !== undefined) used.push('OFFICER');
  return used;
}

/**
 * The conditions a filter puts on a source. On a rollup (`byDay` given) the period is read from
 * its month rows and the day rows around them (see spans.ts); on dossiers, day by day.
 */
function where(
  filter: MetricsFilter,
  columns: Columns,
  rollup?: { byDay: boolean },
): { conditions: string[]; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const add = (sql: (n: string) => string, value: unknown) => conditions.push(sql(param(value)));
  if (rollup) {
    const ranges = periodSpans(filter.from, filter.to, rollup.byDay).map((range) =>
      [
        `r.span = '${range.span}'`,
        ...(range.from === undefined ? [] : [`${columns.day} >= ${param(range.from)}::date`]),
        ...(range.until === undefined ? [] : [`${columns.day} < ${param(range.until)}::date`]),
      ].join(' AND '),
    );
    conditions.push(`((${ranges.join(') OR (')}))`);
  } else {
    if (filter.from !== undefined) add((p) => `${columns.day} >= ${p}::date`, filter.from);
    if (filter.to !== undefined) add((p) => `${columns.day} <= ${p}::date`, filter.to);
  }
  if (filter.agencyCodes !== undefined) {
    add((p) => `${columns.agency} = ANY(${p}::varchar[])`, filter.agencyCodes);
  }
  if (filter.field !== undefined) add((p) => `${columns.field} = ${p}`, filter.field);
  if (filter.procedureKey !== undefined) {
    add((p) => `${columns.procedure} = ${p}`, filter.procedureKey);
  }
  if (filter.channel !== undefined) add((p) => `${columns.channel} = ${p}`, filter.channel);
  if (filter.officer !== undefined) add((p) => `${columns.officer} = ${p}`, filter.officer);
  return { conditions, params };
}
