import {
  addWorkingDuration,
  isWorkingTimeText,
  parseWorkingDuration,
} from '../calendar/working-duration';
import type { FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import { ROOT_SCOPE, type Execution } from './execution';
import { addDuration } from '../calendar/iso-time';
import { closeSubscription } from './subscriptions';
import { throwAtWait, throwEvent } from './error-propagation';
import type { Deadline, Instant, TimerSubscription, Token } from './types';

/**
 * Deadlines (thời hạn): the dossier's appointment from the procedure's statutory time, and each
 * user task's due time from its step budget. Each is a timer the runners fire like any other;
 * when it fires, the dossier or step is marked overdue and an escalation is thrown that the
 * process may catch (an event sub-process, or a boundary event on the task, notifying the
 * leader). While a token waits at an element that pauses the clock (the citizen fetching a
 * missing paper) the deadline timers are withdrawn; when the wait ends every deadline moves on
 * by the working time paused.
 */

/** The escalation code thrown when the dossier misses its appointment. */
export const DOSSIER_OVERDUE = 'DOSSIER_OVERDUE';
/** The escalation code thrown at a user task that misses its step budget. */
export const STEP_OVERDUE = 'STEP_OVERDUE';
/**
 * The escalation code thrown one working day before the appointment: the last moment to send the
 * citizen the written apology with a new date (Form 04) if the dossier will be late.
 */
export const DOSSIER_DUE_SOON = 'DOSSIER_DUE_SOON';

/** At the start: the appointment, counted from reception by the 15:00 rule. */
export function setAppointment(execution: Execution): void {
  const duration = parseWorkingDuration(execution.model.statutoryDuration);
  if (!duration || !isWorkingTimeText(execution.model.statutoryDuration)) return;
  const { calendar, now } = execution;
  const dueAt = addWorkingDuration(calendar, calendar.countingStart(now), duration);
  execution.state.deadline = { dueAt, since: now };
  watchAppointment(execution);
}

/** The appointment's timers: the deadline, and the day-before warning while it lies ahead. */
function watchAppointment(execution: Execution): void {
  const deadline = execution.state.deadline;
  if (!deadline || deadline.overdue || execution.state.resultReadyAt) return;
  watch(execution, { scopeId: ROOT_SCOPE }, execution.model.key, deadline.dueAt);
  const warnAt = execution.calendar.subtractWorkingDays(deadline.dueAt, 1);
  if (!deadline.warned && warnAt > execution.now)
    watch(execution, { scopeId: ROOT_SCOPE }, execution.model.key, warnAt, true);
}

/**
 * The office apologizes and gives a new appointment (Form 04): once, at least one working day
 * before the current one, to a later working day. The warning will come again a working day
 * before the new date.
 */
export function extendAppointment(execution: Execution, dueAt: Instant, actor?: string): void {
  const { state, calendar, now } = execution;
  const deadline = state.deadline;
  const refuse = (why: string) => new AppError('BAD_USER_INPUT', why, { field: 'appointment' });
  if (!deadline) throw refuse(`Process '${execution.model.key}' has no statutory time to extend`);
  if (deadline.extended) throw refuse('The appointment was already extended once');
  if (state.resultReadyAt)
    throw refuse('The result is ready at the desk: there is nothing to extend');
  if (state.clock?.held) {
    throw refuse("The dossier waits for the citizen's papers: extend it once they have come");
  }
  const lastDay = calendar.subtractWorkingDays(deadline.dueAt, 1);
  if (now > lastDay) {
    throw refuse(
      `Too late to extend: the apology must go out by ${lastDay}, a working day before the appointment`,
    );
  }
  if (!(dueAt > deadline.dueAt))
    throw refuse('The new appointment must come after the current one');
  if (!calendar.isWorkingDay(calendar.localDate(dueAt))) {
    throw refuse(`${dueAt} falls on a day off: an appointment is on a working day`);
  }
  closeAppointmentTimers(execution);
  state.deadline = { dueAt, since: deadline.since, extended: true };
  execution.history('APPOINTMENT_EXTENDED', execution.model.key, 'process', { actor });
  if (!paused(execution)) watchAppointment(execution);
}

/**
 * The result has reached the one-stop desk (a `tthc:resultReady` element): the dossier is judged
 * now, once, against its appointment, so the appointment's timers have nothing left to watch — a
 * citizen collecting late does not make the office late.
 */
export function resultReady(execution: Execution, node: FlowNode): void {
  if (execution.state.resultReadyAt) return;
  execution.state.resultReadyAt = execution.now;
  closeAppointmentTimers(execution);
  execution.history('RESULT_READY', node.id, node.type);
}

function closeAppointmentTimers(execution: Execution): void {
  for (const subscription of execution.state.subscriptions.filter(
    (s) => s.kind === 'timer' && s.deadline && s.tokenId === undefined,
  )) {
    closeSubscription(execution, subscription);
  }
}

/** A user task begins: its due time from its budget (working time, or ISO calendar time). */
export function setStepDeadline(execution: Execution, node: FlowNode, token: Token): void {
  const dueAt = stepDueAt(execution, node, execution.now);
  if (!dueAt) return;
  token.deadline = { dueAt, since: execution.now };
  if (!paused(execution) || node.pausesClock)
    watch(execution, { tokenId: token.id }, node.id, dueAt);
}

/**
 * A waiting user task's deadline counted again from when the step began, by its (new) element's
 * budget: after a migration to another version. The working time the clock was paused while the
 * step waited (by which its old due time had moved on) still counts, and a step already marked
 * overdue stays overdue, without a second escalation. Returns the deadline.
 */
export function restartStepDeadline(
  execution: Execution,
  step: { node: FlowNode; was?: FlowNode },
  token: Token,
  since: Instant,
): Deadline | undefined {
  const old = token.deadline;
  delete token.deadline;
  const counted = stepDueAt(execution, step.node, since);
  if (!counted) return undefined;
  const pause = old && step.was ? pausedFor(execution, step.was, old) : 0;
  const dueAt =
    pause > 0
      ? addWorkingDuration(execution.calendar, counted, { days: 0, minutes: pause })
      : counted;
  const overdue = old?.overdue === true;
  token.deadline = { dueAt, since, ...(overdue && { overdue: true as const }) };
  if (!overdue && (!paused(execution) || step.node.pausesClock))
    watch(execution, { tokenId: token.id }, step.node.id, dueAt);
  return token.deadline;
}

/** The working minutes a step's due time moved on while the clock was paused. */
function pausedFor(execution: Execution, was: FlowNode, deadline: Deadline): number {
  const counted = stepDueAt(execution, was, deadline.since);
  if (!counted || !(deadline.dueAt > counted)) return 0;
  return execution.calendar.workingTimeBetween(counted, deadline.dueAt);
}

function stepDueAt(execution: Execution, node: FlowNode, since: Instant): Instant | undefined {
  const budget = node.stepDuration;
  if (!budget) return undefined;
  const working = isWorkingTimeText(budget) ? parseWorkingDuration(budget) : undefined;
  return working
    ? addWorkingDuration(execution.calendar, since, working)
    : addDuration(since, budget);
}

/**
 * A deadline timer fired: marks the dossier or the step overdue and throws the escalation.
 * Returns false when the subscription is not a deadline (a BPMN timer).
 */
export function deadlinePassed(execution: Execution, subscriptionId: number): boolean {
  const subscription = execution.state.subscriptions.find((s) => s.id === subscriptionId);
  if (subscription?.kind !== 'timer' || !subscription.deadline) return false;
  closeSubscription(execution, subscription);
  const token =
    subscription.tokenId === undefined ? undefined : execution.token(subscription.tokenId);
  if (subscription.warning && execution.state.deadline) {
    execution.state.deadline.warned = true;
    const process = { id: execution.model.key, type: 'process' };
    execution.history('DEADLINE_NEAR', process.id, process.type);
    // Only a catcher that names it: a catch-all for lateness must not fire a day early.
    throwEvent(execution, process, 'escalation', DOSSIER_DUE_SOON, ROOT_SCOPE, {
      namedOnly: true,
    });
  } else if (token?.deadline) {
    const node = execution.node(token.elementId);
    token.deadline.overdue = true;
    execution.effects.push({
      type: 'SET_TASK_DEADLINE',
      waitId: token.id,
      dueAt: token.deadline.dueAt,
      overdue: true,
    });
    execution.history('DEADLINE_MISSED', node.id, node.type, { waitId: token.id });
    throwAtWait(execution, token.id, 'escalation', STEP_OVERDUE);
  } else if (execution.state.deadline) {
    execution.state.deadline.overdue = true;
    const process = { id: execution.model.key, type: 'process' };
    execution.history('DEADLINE_MISSED', process.id, process.type);
    throwEvent(execution, process, 'escalation', DOSSIER_OVERDUE, ROOT_SCOPE);
  }
  return true;
}

/**
 * After each step: the clock stops when a token has come to an element that pauses it, and
 * starts again when none waits at one any more, moving every deadline by the paused time. An
 * instance that ended stops watching its deadline.
 */
export function settleClock(execution: Execution): void {
  const { state } = execution;
  if (state.status !== 'ACTIVE') {
    // The instance ended: nothing is due any more.
    for (const subscription of state.subscriptions.filter((s) => s.kind === 'timer' && s.deadline))
      closeSubscription(execution, subscription);
    return;
  }
  const token = state.tokens.find((t) => pausesClock(execution, t));
  const pausing = state.clock?.held
    ? { elementId: execution.model.key, type: 'process' }
    : token && { elementId: token.elementId, type: execution.node(token.elementId).type };
  const pausedAt = state.clock?.pausedAt;
  if (pausing && !pausedAt) {
    state.clock = {
      pausedAt: execution.now,
      pausedMinutes: state.clock?.pausedMinutes ?? 0,
      pauses: (state.clock?.pauses ?? 0) + 1,
      ...(state.clock?.held && { held: true }),
    };
    execution.history('CLOCK_PAUSED', pausing.elementId, pausing.type);
    for (const subscription of state.subscriptions.filter(
      (s) => s.kind === 'timer' && s.deadline && !heldAtPause(execution, s),
    )) {
      closeSubscription(execution, subscription);
    }
  } else if (!pausing && pausedAt) {
    resume(execution, pausedAt);
  }
}

/**
 * Holds the clock from outside the process, or lets it go; settleClock then stops or restarts
 * it. Holding a held clock, or releasing a free one, is refused: the caller's state is stale.
 */
export function holdClock(execution: Execution, hold: boolean): void {
  const clock = execution.state.clock;
  if (hold === (clock?.held === true)) {
    throw new AppError(
      'BAD_USER_INPUT',
      hold ? 'The clock is already held' : 'The clock is not held',
    );
  }
  if (hold) {
    execution.state.clock = { pausedMinutes: 0, pauses: 0, ...clock, held: true };
  } else if (clock) {
    delete clock.held;
  }
}

function resume(execution: Execution, pausedAt: Instant): void {
  const { state, calendar, now } = execution;
  const pausedMinutes = calendar.workingTimeBetween(pausedAt, now);
  state.clock = {
    pausedMinutes: (state.clock?.pausedMinutes ?? 0) + pausedMinutes,
    pauses: state.clock?.pauses ?? 1,
  };
  execution.history('CLOCK_RESUMED', execution.model.key, 'process');
  const moved = (deadline: Deadline) => {
    // A step that began during the pause lost only the time since it began.
    const from = deadline.since > pausedAt ? deadline.since : pausedAt;
    deadline.dueAt = addWorkingDuration(calendar, deadline.dueAt, {
      days: 0,
      minutes: calendar.workingTimeBetween(from, now),
    });
    return deadline;
  };
  if (state.deadline) {
    moved(state.deadline);
    watchAppointment(execution);
  }
  for (const token of state.tokens) {
    if (!token.deadline || pausesClock(execution, token)) continue;
    const { dueAt, overdue } = moved(token.deadline);
    execution.effects.push({
      type: 'SET_TASK_DEADLINE',
      waitId: token.id,
      dueAt,
      overdue: overdue === true,
    });
    if (!overdue) watch(execution, { tokenId: token.id }, token.elementId, dueAt);
  }
}

function paused(execution: Execution): boolean {
  return execution.state.clock?.pausedAt !== undefined;
}

/** A token at an element that pauses the clock (not one still waiting in front of it). */
function pausesClock(execution: Execution, token: Token): boolean {
  return !token.continuation && execution.model.nodes[token.elementId]?.pausesClock === true;
}

/** A step waiting at the pausing element itself keeps its own deadline running. */
function heldAtPause(execution: Execution, subscription: TimerSubscription): boolean {
  const token =
    subscription.tokenId === undefined ? undefined : execution.token(subscription.tokenId);
  return token !== undefined && pausesClock(execution, token);
}

function watch(
  execution: Execution,
  holder: { scopeId: number } | { tokenId: number },
  elementId: string,
  dueAt: Instant,
  warning = false,
): void {
  const timer: TimerSubscription = {
    id: execution.newId(),
    kind: 'timer',
    dueAt,
    elementId,
    deadline: true,
    ...(warning && { warning: true as const }),
    ...holder,
  };
  execution.state.subscriptions.push(timer);
  execution.effects.push({ type: 'SCHEDULE_TIMER', timer: structuredClone(timer) });
}
