import type { EventDefinition } from '../bpmn/model';
import { addWorkingDuration, parseWorkingDuration } from '../calendar/working-duration';
import { AppError } from '../errors';
import type { Execution } from './execution';
import { evaluateFeel } from './feel';
import { addDuration, isDate, isDuration, parseCycle } from '../calendar/iso-time';
import type { Instant, TimerSubscription } from './types';
import type { WorkingCalendar } from '../calendar/working-calendar';

type TimerEvent = Extract<EventDefinition, { kind: 'timer' }>;

/** When a timer fires first, and how it repeats: from its ISO text, or the FEEL that gives it. */
export function scheduleOf(
  execution: Execution,
  event: TimerEvent,
  elementId: string,
  scopeId: number,
): Pick<TimerSubscription, 'dueAt' | 'repeat'> {
  const text = timerText(execution, event, elementId, scopeId);
  return timerSchedule(event, text, elementId, execution.now, execution.calendar);
}

/**
 * When a timer whose text is known fires first, from `now`, and how it repeats. Also used at
 * deploy for timer start events, which have no instance yet.
 */
export function timerSchedule(
  event: TimerEvent,
  text: string,
  elementId: string,
  now: Instant,
  calendar: WorkingCalendar,
): Pick<TimerSubscription, 'dueAt' | 'repeat'> {
  const working = event.workingTime ? parseWorkingDuration(text) : undefined;
  if (working) return { dueAt: addWorkingDuration(calendar, now, working) };
  if (event.workingTime) {
    throw new AppError(
      'EXPRESSION_FAILED',
      `The timer of '${elementId}' gave '${text}', which is not working time such as 'P3D' or '3 working days'`,
      { elementId, expression: event.expression },
    );
  }
  if (event.timer === 'date' && isDate(text)) return { dueAt: new Date(text).toISOString() };
  if (event.timer === 'duration' && isDuration(text)) return { dueAt: addDuration(now, text) };
  const cycle = event.timer === 'cycle' ? parseCycle(text) : undefined;
  if (cycle && cycle.repetitions !== 0) {
    const remaining = cycle.repetitions === null ? null : cycle.repetitions - 1;
    return {
      dueAt: firstDue(cycle.start, cycle.interval, now),
      repeat: { interval: cycle.interval, remaining },
    };
  }
  throw new AppError(
    'EXPRESSION_FAILED',
    `The timer of '${elementId}' gave '${text}', which is not an ISO 8601 ${event.timer}`,
    { elementId, expression: event.expression },
  );
}

function timerText(
  execution: Execution,
  event: TimerEvent,
  elementId: string,
  scopeId: number,
): string {
  if (!event.expression.startsWith('=')) return event.expression;
  const value = evaluateFeel(
    event.expression.slice(1),
    execution.visibleVariables(scopeId),
    elementId,
  );
  return typeof value === 'string' ? value : String(value);
}

/** A cycle with a start keeps its rhythm: the first time after now on start + k × interval. */
export function firstDue(start: string | undefined, interval: string, now: string): string {
  if (!start) return addDuration(now, interval);
  if (start > now) return start;
  const fixed = fixedLengthMs(interval);
  if (fixed !== undefined) {
    // Days, hours and minutes have a fixed length: jump straight to the next beat.
    const beats = Math.floor((Date.parse(now) - Date.parse(start)) / fixed) + 1;
    return new Date(Date.parse(start) + beats * fixed).toISOString();
  }
  let due = start;
  for (let step = 0; due <= now && step < 10_000; step++) due = addDuration(due, interval);
  return due > now ? due : addDuration(now, interval);
}

/** The length of a duration without years or months, in milliseconds. */
function fixedLengthMs(interval: string): number | undefined {
  const zero = '2000-01-01T00:00:00.000Z';
  if (/^P(?:\d+Y|\d+M)|^P[^T]*(?:Y|M)/.test(interval)) return undefined;
  return Date.parse(addDuration(zero, interval)) - Date.parse(zero);
}
