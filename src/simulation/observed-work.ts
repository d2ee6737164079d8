import type { WorkingCalendar } from '../calendar/working-calendar';

/** At most this many of a step's latest tasks make its distribution of work. */
export const WORK_SAMPLES = 500;

/** A task completed at the agency, of any procedure: what the work and the shares are read from. */
export interface CompletedTask {
  procedureKey: string;
  elementId: string;
  /** Its first candidate group ('' for none): the queue it waited in. */
  role: string;
  /** Who completed it (or its assignee): whose previous task bounds when its work began. */
  officer: string | null;
  createdAt: Date;
  claimedAt: Date | null;
  endedAt: Date;
}

/** A procedure's work as observed: minutes of work by step, and each role's share of its time. */
export interface ObservedWork {
  workMinutes: Record<string, number[]>;
  roleShares: Record<string, number>;
}

/**
 * When each task's work began: its claim (its creation if never claimed), or, when later, the
 * moment the same officer completed their previous task — an officer works one task at a time,
 * so a task assigned at creation, or claimed in a batch, waited until then. Returns the working
 * minutes of each task's work by the office's calendar, in the order given.
 */
export function workMinutesOf(calendar: WorkingCalendar, tasks: CompletedTask[]): number[] {
  const order = tasks.map((_, index) => index);
  order.sort(
    (a, b) =>
      (tasks[a].officer ?? '').localeCompare(tasks[b].officer ?? '') ||
      tasks[a].endedAt.getTime() - tasks[b].endedAt.getTime(),
  );
  const minutes = new Array<number>(tasks.length).fill(0);
  let previous: CompletedTask | undefined;
  for (const index of order) {
    const task = tasks[index];
    const sameOfficer = previous && task.officer !== null && previous.officer === task.officer;
    const claimed = (task.claimedAt ?? task.createdAt).getTime();
    const began = Math.max(claimed, sameOfficer ? previous!.endedAt.getTime() : -Infinity);
    minutes[index] =
      began < task.endedAt.getTime()
        ? calendar.workingTimeBetween(new Date(began).toISOString(), task.endedAt.toISOString())
        : 0;
    previous = task;
  }
  return minutes;
}

/**
 * A procedure's work at an agency: each step's working minutes (its latest WORK_SAMPLES tasks,
 * sorted), and each role's share of its officers' working time given to this procedure — its
 * tasks' work minutes over those of all the role's tasks at the agency. A role whose time was
 * never seen given to this procedure (or to anything) has a share of 1.
 */
export function observedWork(
  calendar: WorkingCalendar,
  procedureKey: string,
  tasks: CompletedTask[],
): ObservedWork {
  const minutes = workMinutesOf(calendar, tasks);
  const mine = new Map<string, number>();
  const all = new Map<string, number>();
  const byStep: Record<string, { endedAt: number; minutes: number }[]> = {};
  tasks.forEach((task, index) => {
    all.set(task.role, (all.get(task.role) ?? 0) + minutes[index]);
    if (task.procedureKey !== procedureKey) return;
    mine.set(task.role, (mine.get(task.role) ?? 0) + minutes[index]);
    (byStep[task.elementId] ??= []).push({
      endedAt: task.endedAt.getTime(),
      minutes: minutes[index],
    });
  });
  const workMinutes: Record<string, number[]> = {};
  for (const [elementId, samples] of Object.entries(byStep)) {
    workMinutes[elementId] = samples
      .sort((a, b) => b.endedAt - a.endedAt)
      .slice(0, WORK_SAMPLES)
      .map((sample) => sample.minutes)
      .sort((a, b) => a - b);
  }
  const roleShares: Record<string, number> = {};
  for (const [role, total] of all) {
    const share = mine.get(role) ?? 0;
    if (role !== '' && share > 0 && total > 0) roleShares[role] = share / total;
  }
  return { workMinutes, roleShares };
}
