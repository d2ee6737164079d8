import type { ProcessModel } from '../bpmn/model';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Instant } from '../engine/types';

/** Hours of the week, Monday 00:00–01:00 first (local time): where arrival rates are kept. */
export const WEEK_HOURS = 7 * 24;

/**
 * What the office looked like, as observed: how dossiers come, how long each step's work takes,
 * which way each gateway goes. Read from the history by the store (src/store/what-if-inputs.ts),
 * or given by a test.
 */
export interface Observed {
  /** Mean arrivals in each hour of the week (WEEK_HOURS long, Monday 00:00 first). */
  arrivalsPerHour: number[];
  /**
   * By user task: the working minutes its work took, one per task seen — from its claim, or the
   * officer's previous completion when later, to its completion (see observedWork).
   */
  workMinutes: Record<string, number[]>;
  /**
   * By role: the share (0–1] of its officers' working time given to this procedure, as observed.
   * The simulation stretches the role's work by 1/share (an officer on this procedure part of the
   * time finishes its tasks that much later); a role not given is at 1, all its time here.
   */
  roleShares?: Record<string, number>;
  /** Dossiers received in the window observed; absent when given by hand. */
  observedDossiers?: number;
  /** By sequence flow: how many times it was taken (those leaving a gateway give its odds). */
  flowsTaken: Record<string, number>;
}

/** Who works: the officers of each role (candidate group), and the local dates each is away. */
export interface Staffing {
  officers: Record<string, string[]>;
  absences: Record<string, string[]>;
}

export interface WhatIfInputs {
  model: ProcessModel;
  /** The office's calendar: working days, hours and holidays of the agency. */
  calendar: WorkingCalendar;
  observed: Observed;
  staffing: Staffing;
  /** When the simulated weeks begin, and how many. */
  start: Instant;
  weeks: number;
  seed: number;
}

export interface StepDay {
  elementId: string;
  /** Tasks waiting for an officer at the end of the day. */
  queue: number;
  /**
   * Mean working minutes (the office's calendar: nights, weekends and holidays left out) the
   * tasks begun that day waited for an officer; null if none.
   */
  meanWaitMinutes: number | null;
}

export interface SimulatedDay {
  date: string;
  arrivals: number;
  /** Dossiers whose result reached the desk that day. */
  results: number;
  steps: StepDay[];
}

/** A step over all the weeks: what colours it in the designer. */
export interface StepSummary {
  elementId: string;
  /** Tasks waiting at the end of a day, on average over the days, and at most. */
  meanQueue: number;
  maxQueue: number;
  /** Mean working minutes a task waited for an officer (see StepDay); null if none began. */
  meanWaitMinutes: number | null;
}

export interface WhatIfResult {
  /**
   * Dossiers of the procedure the agency received in the weeks observed: 0 says the forecast
   * rests on nothing seen (no arrivals: an empty office). Null when the inputs were given by hand.
   */
  observedDossiers: number | null;
  /** Dossiers that arrived within the weeks: every figure below is of them. */
  dossiers: number;
  /**
   * Of them, those whose result reached the desk: played on after the weeks with no new arrival
   * until each is done (at most DRAIN_WEEKS), and those done within the weeks.
   */
  results: number;
  resultsWithinWeeks: number;
  /** Still open when the run stopped (DRAIN_WEEKS after the weeks): stuck, or far behind. */
  unfinished: number;
  /**
   * Failed where they stood: the engine refused a command (not a timer whose wait was gone),
   * or the dossier's commands or signals ran on in a loop. Counted late when timed.
   */
  failed: number;
  /**
   * Tasks no officer of the run can do: no candidate group, and assigned to no officer of the
   * agency. Their dossiers stay open (unfinished).
   */
  unservedTasks: number;
  /** Those with an appointment (a procedure with a statutory time), ended without one left out. */
  timed: number;
  /**
   * Early or on time by the product's rule (dossierOutcome) among the timed dossiers, each
   * judged when its result reached the desk, an unfinished one as late. Null when none is timed.
   */
  onTimeRate: number | null;
  /**
   * Working hours from arrival to result (the office's hours, as the appointment counts them),
   * over every arrival that got its result.
   */
  timeToResultHours: { p50: number | null; p90: number | null };
  steps: StepSummary[];
  days: SimulatedDay[];
}
