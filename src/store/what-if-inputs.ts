import type { WorkingCalendar } from '../calendar/working-calendar';
import { DAY_MS, daysBetween, hourOfWeek } from '../simulation/calendar-days';
import { WEEK_HOURS, type Observed, type Staffing } from '../simulation/inputs';
import { observedWork } from '../simulation/observed-work';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/** A procedure's dossiers at an agency received over a window: what the what-if observes. */
export interface ObservedWindow {
  procedureKey: string;
  agencyCode: string;
  from: Date;
  to: Date;
}

const ARRIVALS = `SELECT date_trunc('hour', received_at) AS hour, count(*)::int AS count
  FROM dossier
  WHERE procedure_key = $1 AND agency_code = $2 AND received_at >= $3 AND received_at < $4
  GROUP BY 1`;

/** When the procedure's first version was deployed: it could not be received before. */
const DEPLOYED = `SELECT min(deployed_at) AS at FROM process_definition WHERE key = $1`;

/**
 * Every task completed at the agency within the window, of every procedure: this procedure's
 * give its steps' work, all of them give each role's share of time (see observedWork).
 */
const TASKS = `SELECT d.procedure_key, t.element_id, COALESCE(t.candidate_groups[1], '') AS role,
         COALESCE(t.completed_by, t.assignee) AS officer, t.created_at, t.claimed_at, t.ended_at
    FROM task t JOIN dossier d ON d.instance_id = t.instance_id
   WHERE d.agency_code = $1 AND t.state = 'COMPLETED' AND t.ended_at >= $2 AND t.ended_at < $3`;

const BRANCHES = `SELECT h.element_id, count(*)::int AS count
  FROM dossier d JOIN history_event h ON h.instance_id = d.instance_id
  WHERE d.procedure_key = $1 AND d.agency_code = $2
    AND d.received_at >= $3 AND d.received_at < $4
    AND h.at >= $3 AND h.event_type = 'SEQUENCE_FLOW_TAKEN'
  GROUP BY h.element_id`;

interface TaskRow {
  procedure_key: string;
  element_id: string;
  role: string;
  officer: string | null;
  created_at: Date;
  claimed_at: Date | null;
  ended_at: Date;
}

/**
 * What the office was seen to do with a procedure over a window: arrivals by hour of the week
 * (a mean over the window's working days), each step's working minutes of work (by the office's
 * calendar, see observedWork), each role's share of time on the procedure, and how many times
 * each sequence flow was taken.
 */
export async function observedInputs(
  store: Store,
  calendar: WorkingCalendar,
  window: ObservedWindow,
): Promise<Observed> {
  const parameters = [window.procedureKey, window.agencyCode, window.from, window.to];
  const [arrivals, deployed, tasks, flows] = await Promise.all([
    preparedQuery<{ hour: Date; count: number }>(store.manager, ARRIVALS, parameters),
    preparedQuery<{ at: Date | null }>(store.manager, DEPLOYED, [window.procedureKey]),
    preparedQuery<TaskRow>(store.manager, TASKS, [window.agencyCode, window.from, window.to]),
    preparedQuery<{ element_id: string; count: number }>(store.manager, BRANCHES, parameters),
  ]);
  const since = arrivalsSince(window.from, deployed[0]?.at ?? null, arrivals);
  const arrivalsPerHour = arrivalRates(calendar, since, window.to, arrivals);
  const { workMinutes, roleShares } = observedWork(
    calendar,
    window.procedureKey,
    tasks.map((row) => ({
      procedureKey: row.procedure_key,
      elementId: row.element_id,
      role: row.role,
      officer: row.officer,
      createdAt: row.created_at,
      claimedAt: row.claimed_at,
      endedAt: row.ended_at,
    })),
  );
  const flowsTaken = Object.fromEntries(flows.map((row) => [row.element_id, row.count]));
  const observedDossiers = arrivals.reduce((sum, { count }) => sum + count, 0);
  return { arrivalsPerHour, workMinutes, roleShares, flowsTaken, observedDossiers };
}

/**
 * When the procedure could first be received in the window: its start, or the deployment of the
 * procedure's first version when later — or the first dossier seen, when earlier than that (a
 * version deployed anew over one received before: the dossiers say it was live).
 */
export function arrivalsSince(
  from: Date,
  deployedAt: Date | null,
  arrivals: { hour: Date }[],
): Date {
  if (!deployedAt) return from;
  const first = Math.min(...arrivals.map(({ hour }) => hour.getTime()));
  const live = new Date(Math.min(deployedAt.getTime(), first));
  return live > from ? live : from;
}

/**
 * Mean arrivals in each hour of the week, over the working days of the whole window (the desk
 * is shut on the others), from its start or, when later, the deployment of the procedure's first
 * version: weeks without a dossier are weeks the office received none.
 */
export function arrivalRates(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  arrivals: { hour: Date; count: number }[],
): number[] {
  const rates = new Array<number>(WEEK_HOURS).fill(0);
  if (arrivals.length === 0) return rates;
  const days = new Array<number>(7).fill(0);
  for (const day of daysBetween(calendar, from, to)) {
    if (calendar.isWorkingDay(day.date)) days[day.weekday] += 1;
  }
  for (const { hour, count } of arrivals) {
    const at = hourOfWeek(calendar, hour.toISOString());
    rates[at] += count / Math.max(1, days[Math.floor(at / 24)]);
  }
  return rates;
}

const OFFICERS = `SELECT m.role, o.username
  FROM officer o JOIN agency a ON a.id = o.agency_id JOIN role_membership m ON m.officer_id = o.id
  WHERE a.code = $1 AND o.active AND m.kind = 'official'
  ORDER BY m.role, o.username`;

const ABSENCES = `SELECT o.username, b.starts_at, b.ends_at
  FROM absence b JOIN officer o ON o.id = b.officer_id JOIN agency a ON a.id = o.agency_id
  WHERE a.code = $1 AND b.ends_at > $2 AND b.starts_at < $3`;

/**
 * The agency's officers by role (official members: a backup covers for someone away, so is no
 * extra hand), and the local dates each is away within [from, to).
 */
export async function staffingOf(
  store: Store,
  calendar: WorkingCalendar,
  agencyCode: string,
  from: Date,
  to: Date,
): Promise<Staffing> {
  const [members, away] = await Promise.all([
    preparedQuery<{ role: string; username: string }>(store.manager, OFFICERS, [agencyCode]),
    preparedQuery<{ username: string; starts_at: Date; ends_at: Date }>(store.manager, ABSENCES, [
      agencyCode,
      from,
      to,
    ]),
  ]);
  const officers: Record<string, string[]> = {};
  for (const { role, username } of members) (officers[role] ??= []).push(username);
  const absences: Record<string, string[]> = {};
  for (const { username, starts_at, ends_at } of away) {
    const dates = (absences[username] ??= []);
    for (let at = starts_at.getTime(); at < ends_at.getTime(); at += DAY_MS) {
      dates.push(calendar.localDate(new Date(at).toISOString()));
    }
    const last = calendar.localDate(new Date(ends_at.getTime() - 1).toISOString());
    if (!dates.includes(last)) dates.push(last);
  }
  return { officers, absences };
}
