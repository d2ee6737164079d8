import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Staffing } from './inputs';
import { TaskQueue } from './task-queue';

/** A task waiting for, or in the hands of, an officer of its role. */
export interface SimulatedTask {
  dossier: number;
  waitId: number;
  elementId: string;
  role: string;
  queuedAt: number;
  /**
   * Withdrawn by the engine (an event interrupted the step): dropped when reached, or, when an
   * officer had it in hand, their work on it comes to nothing.
   */
  canceled?: true;
}

/** A task an officer begins, and when they will have done it. */
export interface Begun {
  officer: string;
  task: SimulatedTask;
  finishAt: number;
}

/**
 * The office's officers as servers of their roles' queues: each takes the oldest task of any
 * of their roles, one at a time, only in working time and on a day they are not away. Work
 * begun runs on over closing time into the next working hours, as an officer's file would wait.
 */
export class Office {
  private readonly queues = new Map<string, TaskQueue>();
  /** The tasks waiting, by dossier and wait: what a cancel finds at once. */
  private readonly queued = new Map<string, SimulatedTask>();
  /** The tasks in officers' hands, likewise: an event may withdraw them mid-work. */
  private readonly working = new Map<string, SimulatedTask>();
  private readonly idle = new Set<string>();
  private readonly roles = new Map<string, string[]>();
  /** The groups some officer of the run holds. */
  private readonly held = new Set<string>();
  private readonly away = new Map<string, Set<string>>();

  constructor(
    private readonly calendar: WorkingCalendar,
    staffing: Staffing,
  ) {
    for (const [role, officers] of Object.entries(staffing.officers)) {
      for (const officer of officers) {
        this.roles.set(officer, [...(this.roles.get(officer) ?? [`@${officer}`]), role]);
        this.idle.add(officer);
        this.held.add(role);
      }
    }
    for (const [officer, dates] of Object.entries(staffing.absences)) {
      this.away.set(officer, new Set(dates));
    }
  }

  /**
   * The queue a new task waits in: its first candidate group's, when some officer of the run
   * holds it; without a group, the queue of the officer it is assigned to, or of its first
   * candidate user, when the office has them; otherwise none (no officer of the run can do it:
   * the task is unserved).
   */
  queueFor(task: { candidateGroups: string[]; assignee?: string; candidateUsers?: string[] }) {
    const group = task.candidateGroups[0];
    if (group !== undefined) return this.held.has(group) ? group : undefined;
    const officer = [task.assignee, ...(task.candidateUsers ?? [])].find(
      (name) => name !== undefined && this.roles.has(name),
    );
    return officer === undefined ? undefined : `@${officer}`;
  }

  enqueue(task: SimulatedTask): void {
    let queue = this.queues.get(task.role);
    if (!queue) this.queues.set(task.role, (queue = new TaskQueue()));
    queue.push(task);
    this.queued.set(keyOf(task.dossier, task.waitId), task);
  }

  /**
   * A task withdrawn: a waiting one is dropped when its queue reaches it; one in an officer's
   * hands is marked, and its finish only frees the officer (see finish).
   */
  cancel(dossier: number, waitId: number): void {
    const key = keyOf(dossier, waitId);
    const task = this.queued.get(key) ?? this.working.get(key);
    if (!task) return;
    task.canceled = true;
    this.queued.delete(key);
    this.working.delete(key);
  }

  free(officer: string): void {
    this.idle.add(officer);
  }

  /**
   * An officer has done a task: they are free again. Says whether the work stands (the step is
   * still open), or came to nothing (withdrawn meanwhile: nothing to complete).
   */
  finish(officer: string, task: SimulatedTask): boolean {
    this.free(officer);
    this.working.delete(keyOf(task.dossier, task.waitId));
    return !task.canceled;
  }

  /** Tasks waiting at each step now. */
  waitingByStep(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const queue of this.queues.values()) {
      for (const task of queue.waiting()) {
        counts.set(task.elementId, (counts.get(task.elementId) ?? 0) + 1);
      }
    }
    return counts;
  }

  /**
   * Hands waiting tasks to idle officers present now; `minutes` says how long each task's work
   * takes. Returns the work begun, in the order the officers are named.
   */
  dispatch(now: number, minutes: (task: SimulatedTask) => number): Begun[] {
    const at = new Date(now).toISOString();
    if (!this.calendar.isWorkingTime(at)) return [];
    const today = this.calendar.localDate(at);
    const begun: Begun[] = [];
    for (const officer of [...this.idle].sort()) {
      if (this.away.get(officer)?.has(today)) continue;
      const task = this.oldestFor(officer);
      if (!task) continue;
      this.idle.delete(officer);
      this.working.set(keyOf(task.dossier, task.waitId), task);
      const finish = this.calendar.addWorkingHours(at, minutes(task) / 60);
      begun.push({ officer, task, finishAt: Date.parse(finish) });
    }
    return begun;
  }

  /** Takes the oldest live task of the officer's roles off its queue. */
  private oldestFor(officer: string): SimulatedTask | undefined {
    let best: TaskQueue | undefined;
    let oldest: SimulatedTask | undefined;
    for (const role of this.roles.get(officer) ?? []) {
      const queue = this.queues.get(role);
      const first = queue?.peek();
      if (first && (!oldest || first.queuedAt < oldest.queuedAt)) {
        best = queue;
        oldest = first;
      }
    }
    const task = best?.shift();
    if (task) this.queued.delete(keyOf(task.dossier, task.waitId));
    return task;
  }
}

const keyOf = (dossier: number, waitId: number) => `${dossier}:${waitId}`;
