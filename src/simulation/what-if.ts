import type { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors';
import { BranchChooser } from './branches';
import { DAY_MS, daysOf, HOUR_MS, type LocalDay } from './calendar-days';
import { advance, type SimulatedDossier, type World } from './dossiers';
import { EventQueue } from './event-queue';
import { summarize, type DayTally } from './figures';
import type { WhatIfInputs, WhatIfResult } from './inputs';
import { Office, type SimulatedTask } from './office';
import { DossierDraws } from './draws';
import { Random } from './random';

type Event =
  | { kind: 'arrival'; dossier: SimulatedDossier }
  | { kind: 'finish'; officer: string; task: SimulatedTask }
  | { kind: 'timer'; dossier: SimulatedDossier; subscriptionId: number }
  | { kind: 'wake' }
  | { kind: 'dayEnd'; day: number };

/**
 * After the weeks, the run goes on with no new arrival until every dossier that came is done, for
 * at most this many weeks: a dossier still open then is counted as unfinished.
 */
export const DRAIN_WEEKS = 52;

/** Work of a step never observed, in minutes: a short check. */
const UNOBSERVED_MINUTES = 30;

/**
 * Plays the coming weeks of an office on the pure engine, event by event: dossiers arrive as
 * observed, each step goes to the queue of its role, officers take the oldest task in working
 * time, each piece of work lasts a duration drawn from those observed at that step, gateways go
 * the ways they were seen to go. The same inputs and seed give the same result; arrivals come
 * from their own stream, and each dossier draws its work and branches by itself (DossierDraws),
 * so that two scenarios meet the same dossiers.
 */
export function simulateWhatIf(inputs: WhatIfInputs): WhatIfResult {
  const { calendar, observed, seed } = inputs;
  if (!Number.isInteger(inputs.weeks) || inputs.weeks < 1)
    throw new AppError('BAD_USER_INPUT', 'A what-if plays one week or more', { field: 'weeks' });
  const chooser = new BranchChooser(inputs.model, observed.flowsTaken);
  const draws = new DossierDraws(seed);
  const days = daysOf(calendar, inputs.start, inputs.weeks);
  const tallies: DayTally[] = days.map(() => ({ arrivals: 0, results: 0, queues: [], waits: [] }));
  const end = days[days.length - 1].begins + DAY_MS;
  const events = new EventQueue<Event>();
  const office = new Office(calendar, inputs.staffing);
  const minutes = workOf(observed, draws);
  /** A task's wait for an officer, in working minutes of the office's calendar. */
  const waited = (task: SimulatedTask) =>
    calendar.workingTimeBetween(new Date(task.queuedAt).toISOString(), new Date(now).toISOString());
  const dayOf = (at: number) => Math.min(days.length - 1, dayIndex(days, at));
  const wakes = new Set<number>();
  let unserved = 0;
  let now = 0;
  const world: World = {
    task: (dossier, { waitId, elementId, ...effect }) => {
      const role = office.queueFor(effect);
      if (role === undefined) unserved += 1;
      else office.enqueue({ dossier: dossier.id, waitId, elementId, role, queuedAt: now });
    },
    cancelTask: (dossier, waitId) => office.cancel(dossier.id, waitId),
    timer: (dossier, dueAt, subscriptionId) =>
      events.push(Math.max(dueAt, now), { kind: 'timer', dossier, subscriptionId }),
    branches: (dossier) => chooser.draw(draws.branchesOf(dossier.id)),
  };
  const byId = new Map<number, SimulatedDossier>();
  for (const dossier of arrivalsOf(inputs, days)) {
    byId.set(dossier.id, dossier);
    events.push(dossier.arrivedAt, { kind: 'arrival', dossier });
  }
  days.forEach((day, index) => events.push(day.begins + DAY_MS, { kind: 'dayEnd', day: index }));
  let open = 0;
  const step = (dossier: SimulatedDossier, command: Parameters<typeof advance>[4]) => {
    const before = finished(dossier);
    advance(chooser.model, calendar, world, dossier, command, now);
    if (before || !finished(dossier)) return;
    open -= 1;
    if (dossier.doneAt !== undefined && dossier.doneAt < end)
      tallies[dayOf(dossier.doneAt)].results += 1;
  };
  const cap = end + DRAIN_WEEKS * 7 * DAY_MS;
  for (let next = events.pop(); next && next.at <= cap; next = events.pop()) {
    if (next.at > end && open === 0) break;
    now = next.at;
    const event = next.event;
    if (event.kind === 'arrival') {
      tallies[dayOf(now)].arrivals += 1;
      open += 1;
      step(event.dossier, { type: 'START', variables: world.branches(event.dossier) });
    } else if (event.kind === 'finish') {
      if (office.finish(event.officer, event.task)) {
        const dossier = byId.get(event.task.dossier) as SimulatedDossier;
        const variables = world.branches(dossier);
        step(dossier, { type: 'COMPLETE_TASK', waitId: event.task.waitId, variables });
      }
    } else if (event.kind === 'timer') {
      step(event.dossier, { type: 'FIRE_TIMER', subscriptionId: event.subscriptionId });
    } else if (event.kind === 'dayEnd') {
      tallies[event.day].queues = [...office.waitingByStep()];
      continue;
    }
    for (const begun of office.dispatch(now, minutes)) {
      if (now < end) tallies[dayOf(now)].waits.push([begun.task.elementId, waited(begun.task)]);
      events.push(begun.finishAt, { kind: 'finish', officer: begun.officer, task: begun.task });
    }
    scheduleWake(calendar, events, wakes, now);
  }
  return {
    ...summarize(calendar, days, tallies, [...byId.values()], end),
    unservedTasks: unserved,
    observedDossiers: observed.observedDossiers ?? null,
  };
}

/**
 * How long a task's work takes: a draw of the dossier's own among the minutes observed at its
 * step (all steps' when never observed there, UNOBSERVED_MINUTES when nothing was), stretched by
 * 1/share of its role (officers on this procedure that share of their time).
 */
function workOf(observed: WhatIfInputs['observed'], draws: DossierDraws) {
  const pooled = Object.values(observed.workMinutes).flat();
  return (task: SimulatedTask): number => {
    const seen = observed.workMinutes[task.elementId];
    const from = seen && seen.length > 0 ? seen : pooled;
    const drawn =
      from.length > 0 ? draws.work(task.dossier, task.elementId, from) : UNOBSERVED_MINUTES;
    return drawn / (observed.roleShares?.[task.role] ?? 1);
  };
}

/** Done with: its result ready, its instance ended, or failed where it stands. */
function finished(dossier: SimulatedDossier): boolean {
  if (dossier.failed) return true;
  return dossier.doneAt !== undefined || (dossier.state?.status ?? 'ACTIVE') !== 'ACTIVE';
}

/** The next time officers may begin work, once: after a closing, lunch, or a day away. */
function scheduleWake(
  calendar: WorkingCalendar,
  events: EventQueue<Event>,
  wakes: Set<number>,
  now: number,
): void {
  const at = new Date(now).toISOString();
  const next = Date.parse(
    calendar.isWorkingTime(at)
      ? calendar.nextWorkingInstant(calendar.endOfDay(at))
      : calendar.nextWorkingInstant(at),
  );
  if (wakes.has(next)) return;
  wakes.add(next);
  events.push(next, { kind: 'wake' });
}

function dayIndex(days: LocalDay[], at: number): number {
  return Math.max(0, Math.floor((at - days[0].begins) / DAY_MS));
}

/**
 * Dossiers arriving hour by hour at the observed mean of each hour of the week (Poisson), on
 * the office's working days: the desk is shut on holidays, as the rates were observed.
 */
function arrivalsOf(inputs: WhatIfInputs, days: LocalDay[]): SimulatedDossier[] {
  const random = new Random(inputs.seed);
  const dossiers: SimulatedDossier[] = [];
  for (const day of days) {
    if (!inputs.calendar.isWorkingDay(day.date)) continue;
    for (let hour = 0; hour < 24; hour++) {
      const mean = inputs.observed.arrivalsPerHour[day.weekday * 24 + hour] ?? 0;
      const count = mean > 0 ? random.poisson(mean) : 0;
      const times = Array.from({ length: count }, () => random.next()).sort((a, b) => a - b);
      for (const fraction of times) {
        const arrivedAt = Math.floor(day.begins + (hour + fraction) * HOUR_MS);
        dossiers.push({ id: dossiers.length + 1, arrivedAt });
      }
    }
  }
  return dossiers;
}
