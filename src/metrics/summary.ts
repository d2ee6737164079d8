import {
  MEASURES,
  type Measure,
  type MetricsGroup,
  type MetricsRow,
} from '../store/figures/dossier-metrics';

/** Working minutes in a working day, for processing times in days (8 hours, Decree 45/2020). */
export const WORKING_DAY_MINUTES = 8 * 60;

/** One group's figures as officers and dashboards read them: counts, rates and averages. */
export interface DossierFigures extends MetricsGroup {
  received: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  refused: number;
  withdrawn: number;
  stopped: number;
  inProgress: number;
  inProgressWithinTime: number;
  inProgressOverdue: number;
  /**
   * Of a procedure with no statutory time: resolved, and in progress. Counted apart from every
   * on-time figure, neither on time nor late.
   */
  resolvedUntimed: number;
  inProgressUntimed: number;
  /** Resolved early or on time, or still within time. */
  onTime: number;
  /**
   * `onTime` over the dossiers with an appointment, resolved or in progress (766's progress
   * ratio); null: none.
   */
  onTimeRate: number | null;
  onlineFull: number;
  onlinePartial: number;
  onlineFullShare: number | null;
  onlinePartialShare: number | null;
  digitized: number;
  digitizedShare: number | null;
  reused: number;
  reuseShare: number | null;
  withFee: number;
  cashless: number;
  /** Of the dossiers with fees, those paid without cash. */
  cashlessShare: number | null;
  electronicResults: number;
  electronicCopies: number;
  joint: number;
  returned: number;
  /** How the results went back: at the desk, by public post, at home, online. */
  returnedAtDesk: number;
  returnedByPost: number;
  returnedAtHome: number;
  returnedOnline: number;
  /** Resolved the day they were received ("4 tại chỗ"), and their share of those received. */
  resolvedSameDay: number;
  sameDayShare: number | null;
  /** Received at home and returned at home ("3 tại nhà"). */
  homeRoundTrip: number;
  /** Not received: guided at the desk to complete the dossier (Form 02), or refused (Form 03). */
  guidedAtDesk: number;
  refusedAtDesk: number;
  /** Rated "not satisfied" by the citizen. */
  unsatisfied: number;
  averageProcessingDays: number | null;
  /** Nine in ten were resolved within this many working days (a bucket's upper bound). */
  p90ProcessingDays?: number | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The 766 progress of a group: the dossiers with an appointment, resolved or in progress
 * (`timed`; those of a procedure with no statutory time are left out), how many of them were or
 * are within time, and how many late.
 */
export function progressOf(row: MetricsRow): {
  timed: number;
  onTime: number;
  late: number;
  withinTime: number;
} {
  const c = row.counts;
  const withinTime = row.inProgress - row.inProgressOverdue - row.inProgressUntimed;
  return {
    timed: c.resolved - c.untimed + row.inProgress - row.inProgressUntimed,
    onTime: c.early + c.on_time + withinTime,
    late: c.late + row.inProgressOverdue,
    withinTime,
  };
}

/**
 * Rows of several groups counted as one (every count is a sum): an agency's procedures as the
 * agency, a province's agencies as the province. The p90 is not a sum: left out.
 */
export function sumRows(rows: MetricsRow[], group: MetricsGroup): MetricsRow {
  const counts = {} as Record<Measure, number>;
  const total: Omit<MetricsRow, 'group' | 'counts' | 'p90Minutes'> = {
    inProgress: 0,
    inProgressOverdue: 0,
    inProgressUntimed: 0,
    guidedAtDesk: 0,
    refusedAtDesk: 0,
  };
  for (const row of rows) {
    for (const [measure, count] of Object.entries(row.counts) as [Measure, number][]) {
      counts[measure] = (counts[measure] ?? 0) + count;
    }
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
  }
  for (const measure of MEASURES) counts[measure] ??= 0;
  return { group, counts, ...total };
}

export function figuresOf(row: MetricsRow): DossierFigures {
  const c = row.counts;
  const { timed, onTime, withinTime } = progressOf(row);
  return {
    ...row.group,
    received: c.received,
    resolved: c.resolved,
    resolvedEarly: c.early,
    resolvedOnTime: c.on_time,
    resolvedLate: c.late,
    refused: c.refused,
    withdrawn: c.withdrawn,
    stopped: c.stopped,
    inProgress: row.inProgress,
    inProgressWithinTime: withinTime,
    inProgressOverdue: row.inProgressOverdue,
    resolvedUntimed: c.untimed,
    inProgressUntimed: row.inProgressUntimed,
    onTime,
    onTimeRate: ratio(onTime, timed),
    onlineFull: c.online_full,
    onlinePartial: c.online_partial,
    onlineFullShare: ratio(c.online_full, c.received),
    onlinePartialShare: ratio(c.online_partial, c.received),
    digitized: c.digitized,
    digitizedShare: ratio(c.digitized, c.received),
    reused: c.reused,
    reuseShare: ratio(c.reused, c.received),
    withFee: c.with_fee,
    cashless: c.cashless,
    cashlessShare: ratio(c.cashless, c.with_fee),
    electronicResults: c.electronic_results,
    electronicCopies: c.electronic_copies,
    joint: c.joint,
    returned: c.returned,
    returnedAtDesk: c.returned_at_desk,
    returnedByPost: c.returned_by_post,
    returnedAtHome: c.returned_at_home,
    returnedOnline: c.returned_online,
    resolvedSameDay: c.resolved_same_day,
    sameDayShare: ratio(c.resolved_same_day, c.received),
    homeRoundTrip: c.home_round_trip,
    guidedAtDesk: row.guidedAtDesk,
    refusedAtDesk: row.refusedAtDesk,
    unsatisfied: c.unsatisfied,
    averageProcessingDays:
      c.resolved > 0 ? c.processing_minutes / c.resolved / WORKING_DAY_MINUTES : null,
    ...(row.p90Minutes !== undefined && {
      p90ProcessingDays: row.p90Minutes === null ? null : row.p90Minutes / WORKING_DAY_MINUTES,
    }),
  };
}
