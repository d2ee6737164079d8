import type { WorkingCalendar } from '../calendar/working-calendar';
import { daysBetween, hourOfWeek } from '../simulation/calendar-days';
import { WEEK_HOURS, type Observed, type Staffing } from '../simulation/inputs';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/** At most this many of a step's latest tasks make its distribution of work. */
export const WORK_SAMPLES = 500;

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

/**
 * Work as an officer does it: from the claim (when they took the task up) to its completion,
 * not from its creation, which adds the wait in the queue that the simulation plays itself. A
 * task completed without a claim counts from its creation: its wait is in its work.
 */
const WORK = `SELECT element_id, COALESCE(claimed_at, created_at) AS began, ended_at FROM (
    SELECT t.element_id, t.claimed_at, t.created_at, t.ended_at,
           row_number() OVER (PARTITION BY t.element_id ORDER BY t.ended_at DESC) AS latest
      FROM dossier d JOIN task t ON t.instance_id = d.instance_id
      WHERE d.procedure_key = $1 AND d.agency_code = $2
        AND d.received_at >= $3 AND d.received_at < $4 AND t.state = 'COMPLETED'
  ) AS done
  WHERE latest <= ${WORK_SAMPLES}`;

const BRANCHES = `SELECT h.element_id, count(*)::int AS count
  FROM dossier d JOIN history_event h ON h.instance_id = d.instance_id
  WHERE d.procedure_key = $1 AND d.agency_code = $2
    AND d.received_at >= $3 AND d.received_at < $4
    AND h.at >= $3 AND h.event_type = 'SEQUENCE_FLOW_TAKEN'
  GROUP BY h.element_id`;

/**
 * What the office was seen to do with a procedure over a window: arrivals by hour of the week
 * (a mean over the window's weeks), each step's working minutes of work (by the office's
 * calendar), and how many times each sequence flow was taken.
 */
export async function observedInputs(
  store: Store,
  calendar: WorkingCalendar,
  window: ObservedWindow,
): Promise<Observed> {
  const parameters = [window.procedureKey, window.agencyCode, window.from, window.to];
  const [arrivals, work, flows] = await Promise.all([
    preparedQuery<{ hour: Date; count: number }>(store.manager, ARRIVALS, parameters),
    preparedQuery<{ element_id: string; began: Date; ended_at: Date }>(
      store.manager,
      WORK,
      parameters,
    ),
    preparedQuery<{ element_id: string; count: number }>(store.manager, BRANCHES, parameters),
  ]);
  const arrivalsPerHour = arrivalRates(calendar, window, arrivals);
  const workMinutes: Record<string, number[]> = {};
  for (const row of work) {
    const minutes = calendar.workingTimeBetween(
      row.began.toISOString(),
      row.ended_at.toISOString(),
    );
    (workMinutes[row.element_id] ??= []).push(minutes);
  }
  for (const samples of Object.values(workMinutes)) samples.sort((a, b) => a - b);
  const flowsTaken = Object.fromEntries(flows.map((row) => [row.element_id, row.count]));
  return { arrivalsPerHour, workMinutes, flowsTaken };
}

/**
 * Mean arrivals in each hour of the week, over the working days of the window (the desk is shut
 * on the others) from the first dossier seen: a procedure new at the agency is not diluted by
 * the weeks before it came.
 */
function arrivalRates(
  calendar: WorkingCalendar,
  window: ObservedWindow,
  arrivals: { hour: Date; count: number }[],
): number[] {
  const rates = new Array<number>(WEEK_HOURS).fill(0);
  if (arrivals.length === 0) return rates;
  const first = Math.min(...arrivals.map(({ hour }) => hour.getTime()));
  const days = new Array<number>(7).fill(0);
  for (const day of daysBetween(calendar, new Date(first), window.to)) {
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
    for (let at = starts_at.getTime(); at < ends_at.getTime(); at += 24 * 3.6e6) {
      dates.push(calendar.localDate(new Date(at).toISOString()));
    }
    const last = calendar.localDate(new Date(ends_at.getTime() - 1).toISOString());
    if (!dates.includes(last)) dates.push(last);
  }
  return { officers, absences };
}
