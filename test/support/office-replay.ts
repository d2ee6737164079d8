import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import { mondayWeekday, shiftDate } from '../../src/calendar/statutory-holidays';
import { claimTask, completeTask } from '../../src/commands/tasks';
import { receiveDossier } from '../../src/dossier/receive';
import type { TaskEntity } from '../../src/store/entities';
import type { Store } from '../../src/store/store';
import { openTasksOf } from '../../src/store/tasks';
import { Random } from '../../src/simulation/random';

/**
 * A real office's past, for checking the what-if against: dossiers received at the desk and
 * worked by a few officers through the service's own commands (receive, claim, complete) at
 * simulated times, so that the history, the tasks and each dossier's outcome are the engine's.
 * Officers work one task at a time, the oldest of their roles first, within working hours; the
 * work at each step takes minutes drawn evenly from its range. Nothing here is the simulation's
 * code: arrivals are drawn per day (not per hour), and work runs on the real calendar. After the
 * weeks of arrivals the office works on (at most eight weeks) until every dossier is done.
 */
export interface OfficePast {
  procedureKey: string;
  agency: { code: string; name: string; dossierPrefix: string | null };
  officers: Record<string, string[]>;
  /** Dossiers a weekday, Monday first (index 0), Saturday and Sunday none. */
  perDay: number[];
  workMinutes: Record<string, [number, number]>;
  /**
   * Roles whose tasks are assigned at creation to their first officer (claimed then, as the
   * store does for an assignee), who works them one at a time as the others do.
   */
  assignAtCreation?: string[];
  /** Local dates an officer does not work (recorded as absences by the caller, if at all). */
  away?: Record<string, string[]>;
  /** What an officer enters at a step. */
  variables: (elementId: string, random: Random) => Record<string, boolean>;
  firstDay: string;
  /** Weeks dossiers arrive; then the office works on, with none arriving, until all are done. */
  weeks: number;
  seed: number;
}

interface Busy {
  officer: string;
  task: TaskEntity;
  until: number;
}

export async function livePast(store: Store, calendar: WorkingCalendar, past: OfficePast) {
  const random = new Random(past.seed);
  const end = Date.parse(calendar.startOfDate(shiftDate(past.firstDay, (past.weeks + 8) * 7)));
  const arrivals = arrivalsOf(calendar, past, random);
  const open: TaskEntity[] = [];
  const busy: Busy[] = [];
  const roleOf = new Map<string, string[]>();
  for (const [role, names] of Object.entries(past.officers))
    for (const name of names) roleOf.set(name, [...(roleOf.get(name) ?? []), role]);
  const assigned = new Map<string, string>();
  const tasksOf = async (instanceId: string) => {
    const known = new Set([...open, ...busy.map((b) => b.task)].map((t) => t.id));
    for (const task of await openTasksOf(store, instanceId)) {
      if (known.has(task.id)) continue;
      open.push(task);
      const role = task.candidateGroups[0];
      if (!past.assignAtCreation?.includes(role)) continue;
      const officer = past.officers[role][0];
      await claimTask(store, { taskId: task.id, assignee: officer, now: new Date(now) });
      assigned.set(task.id, officer);
    }
  };
  let now = calendar.startOfDate(past.firstDay);
  while (Date.parse(now) < end) {
    const nextArrival = arrivals[0] ?? Infinity;
    const nextDone = Math.min(...busy.map((b) => b.until), Infinity);
    const nextOpening = Date.parse(calendar.nextWorkingInstant(now));
    const candidates = [
      nextArrival,
      nextDone,
      nextOpening > Date.parse(now) ? nextOpening : Infinity,
    ];
    const at = Math.min(...candidates);
    if (at >= end || (arrivals.length === 0 && busy.length === 0 && open.length === 0)) break;
    now = new Date(at).toISOString();
    if (at === nextArrival) {
      arrivals.shift();
      const dossier = await receiveDossier(
        store,
        {
          procedureKey: past.procedureKey,
          applicant: { kind: 'INDIVIDUAL', name: 'Nguyễn Văn An', idNumber: '001085001234' },
          channel: 'IN_PERSON',
          components: [],
          variables: {},
        },
        { username: past.officers.reception[0], agency: past.agency },
        new Date(at),
      );
      await tasksOf(dossier.instanceId);
    } else if (at === nextDone) {
      const done = busy.splice(
        busy.findIndex((b) => b.until === at),
        1,
      )[0];
      const { task } = done;
      const variables = past.variables(task.elementId, random);
      await completeTask(store, {
        taskId: task.id,
        variables,
        actor: done.officer,
        now: new Date(at),
      });
      await tasksOf(task.instanceId);
    }
    await startWork(store, calendar, past, { open, busy, roleOf, random, assigned }, now);
  }
}

/**
 * Idle officers present take the oldest open task of their roles (or assigned to them), when the
 * office is open.
 */
async function startWork(
  store: Store,
  calendar: WorkingCalendar,
  past: OfficePast,
  office: {
    open: TaskEntity[];
    busy: Busy[];
    roleOf: Map<string, string[]>;
    random: Random;
    assigned: Map<string, string>;
  },
  now: string,
) {
  if (!calendar.isWorkingTime(now)) return;
  const today = calendar.localDate(now);
  for (const [officer, roles] of office.roleOf) {
    if (office.busy.some((b) => b.officer === officer)) continue;
    if (past.away?.[officer]?.includes(today)) continue;
    const index = office.open.findIndex((t) =>
      office.assigned.has(t.id)
        ? office.assigned.get(t.id) === officer
        : t.candidateGroups.some((g) => roles.includes(g)),
    );
    if (index < 0) continue;
    const [task] = office.open.splice(index, 1);
    if (!office.assigned.has(task.id))
      await claimTask(store, { taskId: task.id, assignee: officer, now: new Date(now) });
    const [min, max] = past.workMinutes[task.elementId];
    const minutes = office.random.between(min, max);
    const until = Date.parse(calendar.addWorkingHours(now, minutes / 60));
    office.busy.push({ officer, task, until });
  }
}

/** Each working weekday's dossiers, at even minutes of 07:40–16:00. */
function arrivalsOf(calendar: WorkingCalendar, past: OfficePast, random: Random): number[] {
  const times: number[] = [];
  for (let day = 0; day < past.weeks * 7; day++) {
    const date = shiftDate(past.firstDay, day);
    const weekday = mondayWeekday(date);
    if (!calendar.isWorkingDay(date) || !past.perDay[weekday]) continue;
    const midnight = Date.parse(calendar.startOfDate(date));
    const count = past.perDay[weekday] + random.between(-2, 2);
    for (let k = 0; k < count; k++)
      times.push(midnight + random.between(7 * 60 + 40, 16 * 60) * 60_000);
  }
  return times.sort((a, b) => a - b);
}
