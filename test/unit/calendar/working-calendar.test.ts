import { WorkingCalendar } from '../../../src/calendar/working-calendar';
import { DEFAULT_OFFICE_HOURS } from '../../../src/calendar/defaults';
import { shiftDate, statutoryHolidays } from '../../../src/calendar/statutory-holidays';
import { projectCalendar } from '../../support/calendar';

/** Local Vietnamese time (+07:00) as the UTC instant the calendar works with. */
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

describe('the working calendar, on real dates', () => {
  let calendar: WorkingCalendar;
  beforeAll(async () => {
    calendar = await projectCalendar();
  });

  it('knows the Labour Code holidays, with five days of Tết from the lunar calendar', () => {
    const days = statutoryHolidays(2026).map((day) => day.date);
    expect(days).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-20',
        '2026-04-26',
        '2026-04-30',
        '2026-05-01',
        '2026-09-02',
      ]),
    );
    expect(days).not.toContain('2026-02-21');
  });

  it('follows the official 2026 Tết table: nine days off, 14 to 22 February', () => {
    for (let day = 14; day <= 22; day++)
      expect(calendar.isWorkingDay(`2026-02-${day}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.daysOff(2026).find((day) => day.date === '2026-02-18')).toMatchObject({
      source: 'table',
    });
  });

  it('gives a dossier received Friday 13 February 2026 at 15:30, with 3 working days, its appointment after Tết', () => {
    const start = calendar.countingStart(vn('2026-02-13T15:30:00'));
    expect(start).toBe(vn('2026-02-23T07:30:00'));
    expect(calendar.addWorkingDays(start, 3)).toBe(vn('2026-02-26T07:30:00'));
  });

  it('counts a dossier received before 15:00 from that moment', () => {
    const start = calendar.countingStart(vn('2026-02-12T10:15:00'));
    expect(start).toBe(vn('2026-02-12T10:15:00'));
    expect(calendar.addWorkingDays(start, 1)).toBe(vn('2026-02-13T10:15:00'));
    expect(calendar.addWorkingDays(start, 2)).toBe(vn('2026-02-23T10:15:00'));
  });

  it('follows the official 2025 tables: Tết, 30 April with its swapped Saturday, National Day', () => {
    const off = (from: string, to: string) => {
      for (let date = from; date <= to; date = shiftDate(date, 1))
        expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
    };
    off('2025-01-25', '2025-02-02'); // Tết Ất Tỵ, Saturday to Sunday
    expect(calendar.isWorkingDay('2025-01-24')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true);
    off('2025-04-30', '2025-05-04'); // Friday 2 May off in exchange for Saturday 26 April
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.swappedWorkingDays(2025)).toEqual(['2025-04-26']);
    off('2025-08-30', '2025-09-02'); // National Day, Saturday to Tuesday
    expect(calendar.isWorkingDay('2025-09-03')).toBe(true);
    expect(calendar.addWorkingDays(vn('2025-08-29T10:00:00'), 1)).toBe(vn('2025-09-03T10:00:00'));
    expect(calendar.isProvisional(2025)).toBe(false);
  });

  it("follows the official 2026 tables: New Year's swap, Hùng Kings' day on a Sunday", () => {
    for (const date of ['2026-01-01', '2026-01-02', '2026-04-26', '2026-04-27'])
      expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true); // Saturday worked for Friday 2 January
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('counts from when the office next opens when the moment is outside hours', () => {
    // Monday 2 March 2026: after closing, at lunch, before opening.
    expect(calendar.addWorkingDays(vn('2026-03-02T17:45:00'), 1)).toBe(vn('2026-03-04T07:30:00'));
    expect(calendar.addWorkingDays(vn('2026-03-02T12:15:00'), 1)).toBe(vn('2026-03-03T13:30:00'));
    expect(calendar.addWorkingDays(vn('2026-03-02T06:00:00'), 1)).toBe(vn('2026-03-03T07:30:00'));
    // Received at lunch before 15:00: it counts from the afternoon opening, the same day.
    expect(calendar.countingStart(vn('2026-03-02T12:15:00'))).toBe(vn('2026-03-02T13:30:00'));
    expect(calendar.closingOf(calendar.countingStart(vn('2026-03-02T12:15:00')))).toBe(
      vn('2026-03-02T17:00:00'),
    );
    expect(calendar.isWorkingTime(vn('2026-03-02T11:45:00'))).toBe(false); // Monday lunch
    expect(calendar.isWorkingTime(vn('2026-03-07T09:00:00'))).toBe(false); // Saturday
  });

  describe("an agency's own reception hours", () => {
    // Seed 003: An Hòa's desk stays open 30 minutes longer at noon and in the afternoon on
    // Mondays, and receives on Saturday mornings; its cut-off is 16:00.
    const anHoa = () =>
      new WorkingCalendar(
        DEFAULT_OFFICE_HOURS,
        [],
        new Map([
          [
            'xa-an-hoa',
            {
              cutoff: '16:00',
              hours: {
                ...DEFAULT_OFFICE_HOURS.hours,
                monday: [
                  ['07:30', '12:00'],
                  ['13:30', '17:30'],
                ] as [string, string][],
                saturday: [['07:30', '11:30']] as [string, string][],
              },
            },
          ],
        ]),
      ).forAgency('xa-an-hoa');

    it('closes "within the working day" at its desk\'s closing, and keeps its own cut-off', () => {
      const desk = anHoa();
      // Monday 15:30: before An Hòa's 16:00 cut-off, so the same day, by its 17:30 closing.
      const start = desk.countingStart(vn('2026-03-02T15:30:00'));
      expect(start).toBe(vn('2026-03-02T15:30:00'));
      expect(desk.closingOf(start)).toBe(vn('2026-03-02T17:30:00'));
      // Tuesday closes at 17:00 like everyone.
      expect(desk.closingOf(vn('2026-03-03T09:00:00'))).toBe(vn('2026-03-03T17:00:00'));
      // The office-wide calendar: after its 15:00 cut-off, the next working day.
      expect(calendar.countingStart(vn('2026-03-02T15:30:00'))).toBe(vn('2026-03-03T07:30:00'));
    });

    it('counts a dossier received on its Saturday morning from Monday, in working time', () => {
      const desk = anHoa();
      const start = desk.countingStart(vn('2026-03-07T09:00:00'));
      expect(start).toBe(vn('2026-03-09T07:30:00'));
      // Working time is the same for every agency: three working days from Monday 07:30.
      expect(desk.addWorkingDays(start, 3)).toBe(vn('2026-03-12T07:30:00'));
      expect(desk.isWorkingTime(vn('2026-03-02T11:45:00'))).toBe(false);
    });

    it('is the office-wide calendar for an agency without hours of its own', () => {
      const desk = anHoa();
      expect(desk.forAgency('xa-khac').receptionHours()).toBeUndefined();
      expect(desk.receptionHours()?.cutoff).toBe('16:00');
    });
  });

  it('adds working hours across lunch, evenings and weekends, and measures working time', () => {
    // Friday 16:00 + 4 working hours: 1 h on Friday, then Monday 07:30 + 3 h.
    expect(calendar.addWorkingHours(vn('2026-03-06T16:00:00'), 4)).toBe(vn('2026-03-09T10:30:00'));
    // Tuesday 11:00 + 1 h: 30 min before lunch, 30 min after.
    expect(calendar.addWorkingHours(vn('2026-03-03T11:00:00'), 1)).toBe(vn('2026-03-03T14:00:00'));
    expect(calendar.workingTimeBetween(vn('2026-03-03T11:00:00'), vn('2026-03-03T14:00:00'))).toBe(
      60,
    );
    expect(calendar.workingTimeBetween(vn('2026-03-06T16:00:00'), vn('2026-03-09T10:30:00'))).toBe(
      240,
    );
  });
});
