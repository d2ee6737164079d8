import { dossierOutcome } from '../calendar/timeliness';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { LocalDay } from './calendar-days';
import type { SimulatedDossier } from './dossiers';
import type { SimulatedDay, StepDay, StepSummary, WhatIfResult } from './inputs';

/** What a simulated day gathers as it goes. */
export interface DayTally {
  arrivals: number;
  results: number;
  /** Tasks waiting at each step at the end of the day. */
  queues: [string, number][];
  /** For each task begun that day: its step and how long it waited (working minutes). */
  waits: [string, number][];
}

/**
 * The figures of a run: by day, and over the dossiers that arrived within the weeks, each played
 * on to its result (see DRAIN_WEEKS). On time is the product's own rule (dossierOutcome): the
 * result ready EARLY or ON_TIME against the appointment, late by rule when sent back for papers
 * more than once.
 */
export function summarize(
  calendar: WorkingCalendar,
  days: LocalDay[],
  tallies: DayTally[],
  dossiers: SimulatedDossier[],
  end: number,
): Omit<WhatIfResult, 'unservedTasks' | 'observedDossiers'> {
  const done = dossiers.filter((d) => d.doneAt !== undefined);
  const timed = dossiers.filter(
    (d) => d.dueAt !== undefined && (d.doneAt !== undefined || d.state?.status === 'ACTIVE'),
  );
  const onTime = timed.filter((d) => {
    if (d.doneAt === undefined) return false;
    const due = new Date(d.dueAt as number);
    const outcome = dossierOutcome(new Date(d.doneAt), due, d.lateMarked ?? false, calendar);
    return outcome === 'EARLY' || outcome === 'ON_TIME';
  });
  const hours = done
    .map(
      (d) =>
        calendar.workingTimeBetween(
          new Date(d.arrivedAt).toISOString(),
          new Date(d.doneAt as number).toISOString(),
        ) / 60,
    )
    .sort((a, b) => a - b);
  return {
    dossiers: dossiers.length,
    results: done.length,
    resultsWithinWeeks: done.filter((d) => (d.doneAt as number) < end).length,
    unfinished: dossiers.filter(
      (d) => !d.failed && d.doneAt === undefined && d.state?.status === 'ACTIVE',
    ).length,
    failed: dossiers.filter((d) => d.failed).length,
    timed: timed.length,
    onTimeRate: timed.length > 0 ? onTime.length / timed.length : null,
    timeToResultHours: { p50: quantile(hours, 0.5), p90: quantile(hours, 0.9) },
    steps: stepsOf(tallies),
    days: days.map((day, index) => dayOf(day, tallies[index])),
  };
}

/** Per step: its queues at the ends of the days tallied (summed, and the largest), and its waits. */
interface StepTally {
  queue: number;
  most: number;
  waited: number;
  begun: number;
}

/** Adds a day's queues and waits to `steps` (a queue summed over days, and its largest). */
function tallyDay(steps: Map<string, StepTally>, tally: DayTally): void {
  const at = (id: string) =>
    steps.get(id) ?? steps.set(id, { queue: 0, most: 0, waited: 0, begun: 0 }).get(id)!;
  for (const [id, queue] of tally.queues) {
    at(id).queue += queue;
    at(id).most = Math.max(at(id).most, queue);
  }
  for (const [id, waited] of tally.waits) {
    at(id).waited += waited;
    at(id).begun += 1;
  }
}

/** The steps in id order, each with its mean wait (null when no task was begun there). */
function byStep<T>(
  steps: Map<string, StepTally>,
  figures: (elementId: string, step: StepTally, meanWaitMinutes: number | null) => T,
): T[] {
  return [...steps.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, step]) =>
      figures(id, step, step.begun > 0 ? round(step.waited / step.begun) : null),
    );
}

function stepsOf(tallies: DayTally[]): StepSummary[] {
  const steps = new Map<string, StepTally>();
  for (const tally of tallies) tallyDay(steps, tally);
  return byStep(steps, (elementId, step, meanWaitMinutes) => ({
    elementId,
    meanQueue: round(step.queue / tallies.length),
    maxQueue: step.most,
    meanWaitMinutes,
  }));
}

function dayOf(day: LocalDay, tally: DayTally): SimulatedDay {
  const steps = new Map<string, StepTally>();
  tallyDay(steps, tally);
  const figures: StepDay[] = byStep(steps, (elementId, step, meanWaitMinutes) => ({
    elementId,
    queue: step.queue,
    meanWaitMinutes,
  }));
  return { date: day.date, arrivals: tally.arrivals, results: tally.results, steps: figures };
}

/** The nearest-rank quantile of sorted values, to a tenth; null when there are none. */
function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
}

const round = (value: number) => Math.round(value * 10) / 10;
