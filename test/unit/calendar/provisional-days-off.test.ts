import { provisionalDaysOff } from '../../../src/calendar/provisional-days-off';
import { WorkingCalendar } from '../../../src/calendar/working-calendar';
import { DEFAULT_OFFICE_HOURS } from '../../../src/calendar/defaults';

const dates = (year: number) =>
  provisionalDaysOff(year)
    .map((day) => day.date)
    .sort();

describe('the days off of a year without an official table', () => {
  it('adds the day next to National Day and a compensatory day for each holiday on a weekend', () => {
    // 2027: Tết's eve is Friday 5 February, so Saturday 6 and Sunday 7 are made up on
    // Wednesday 10 and Thursday 11 (Monday 8 and Tuesday 9 are Tết already); 1 May is a Saturday.
    expect(dates(2027)).toEqual(['2027-02-10', '2027-02-11', '2027-05-03', '2027-09-01']);
  });

  it('gives what the official tables gave in the years they followed the rule', () => {
    // 2023's table: Monday 2 January for New Year's Day; 2 and 3 May for Hùng Kings' day and
    // 30 April; Friday 1 and Monday 4 September for National Day on a Saturday.
    expect(dates(2023)).toEqual(
      expect.arrayContaining([
        '2023-01-02',
        '2023-05-02',
        '2023-05-03',
        '2023-09-01',
        '2023-09-04',
      ]),
    );
    // 2024's table: National Day on a Monday, off to Tuesday 3 September.
    expect(dates(2024)).toEqual(expect.arrayContaining(['2024-09-03']));
  });

  it('marks such a year provisional until its table is deployed, and the table then wins', () => {
    const untabled = new WorkingCalendar(DEFAULT_OFFICE_HOURS, []);
    expect(untabled.isProvisional(2027)).toBe(true);
    expect(untabled.isWorkingDay('2027-02-10')).toBe(false);
    expect(untabled.daysOff(2027).find((day) => day.date === '2027-09-01')).toMatchObject({
      source: 'provisional',
    });

    const tabled = new WorkingCalendar(DEFAULT_OFFICE_HOURS, [
      {
        year: 2027,
        source: 'a notice',
        daysOff: [{ from: '2027-02-04', to: '2027-02-12', reason: 'Tết' }],
        workingDays: [],
      },
    ]);
    expect(tabled.isProvisional(2027)).toBe(false);
    expect(tabled.isWorkingDay('2027-09-01')).toBe(true);
    expect(tabled.isWorkingDay('2027-05-03')).toBe(true);
    expect(tabled.isWorkingDay('2027-02-04')).toBe(false);
  });
});
