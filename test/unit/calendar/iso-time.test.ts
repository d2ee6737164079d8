import { addDuration, isDuration, parseCycle } from '../../../src/calendar/iso-time';
import { scheduleOf } from '../../../src/engine/timer';

describe('ISO 8601 time', () => {
  it('adds durations in UTC, clamping months to their last day', () => {
    expect(addDuration('2026-01-31T08:00:00.000Z', 'P1M')).toBe('2026-02-28T08:00:00.000Z');
    expect(addDuration('2028-01-31T08:00:00.000Z', 'P1M')).toBe('2028-02-29T08:00:00.000Z');
    expect(addDuration('2026-03-02T02:00:00.000Z', 'P1DT2H30M')).toBe('2026-03-03T04:30:00.000Z');
    expect(addDuration('2026-03-02T02:00:00.000Z', 'P2W')).toBe('2026-03-16T02:00:00.000Z');
    expect(addDuration('2026-12-31T23:00:00.000Z', 'PT90M')).toBe('2027-01-01T00:30:00.000Z');
  });

  it('knows a duration and a cycle when it sees one', () => {
    expect(['P3D', 'PT4H', 'P1Y2M', 'PT0.5S'].every(isDuration)).toBe(true);
    expect(['P', 'PT', '3 days', 'P1H', ''].some(isDuration)).toBe(false);
    expect(parseCycle('R3/PT10H')).toEqual({ repetitions: 3, interval: 'PT10H' });
    expect(parseCycle('R/P1D')).toEqual({ repetitions: null, interval: 'P1D' });
    expect(parseCycle('R2/2026-03-02T08:00:00Z/PT1H')).toEqual({
      repetitions: 2,
      start: '2026-03-02T08:00:00.000Z',
      interval: 'PT1H',
    });
    expect(parseCycle('every day')).toBeUndefined();
  });
});

describe('timer schedules', () => {
  it('keep an anchored cycle on its beat even when its start is long past', () => {
    const execution = { now: '2026-03-02T08:10:00.000Z', visibleVariables: () => ({}) } as never;
    const schedule = scheduleOf(
      execution,
      { kind: 'timer', timer: 'cycle', expression: 'R/2020-01-01T08:00:00Z/PT1H' },
      't',
      0,
    );
    expect(schedule.dueAt).toBe('2026-03-02T09:00:00.000Z');
  });
});
