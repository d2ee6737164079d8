import { officeHoursFrom, yearTableFrom } from '../../../src/calendar/validate';

const TABLE = {
  year: 2027,
  source: 'Thông báo giả định',
  daysOff: [{ from: '2027-02-05', to: '2027-02-12', reason: 'Tết' }],
  workingDays: [{ date: '2027-02-20', reason: 'Làm bù' }],
};
const DAY = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];
const OFFICE = {
  utcOffset: '+07:00',
  cutoff: '15:00',
  hours: { monday: DAY, tuesday: DAY, wednesday: DAY, thursday: DAY, friday: DAY },
};

describe('checking calendar files before they deploy', () => {
  it('accepts a well-formed year table and office hours', () => {
    expect(yearTableFrom(TABLE, '2027.json')).toEqual(TABLE);
    expect(officeHoursFrom(OFFICE, 'office.json')).toEqual(OFFICE);
  });

  it.each([
    [
      'a date that does not exist',
      { daysOff: [{ ...TABLE.daysOff[0], to: '2027-02-30' }] },
      'daysOff[0].to',
    ],
    [
      'a range into the next year',
      { daysOff: [{ ...TABLE.daysOff[0], to: '2028-01-02' }] },
      'daysOff[0].to',
    ],
    [
      'a range ending before it starts',
      { daysOff: [{ ...TABLE.daysOff[0], to: '2027-02-01' }] },
      'daysOff[0].to',
    ],
    [
      'a day off without a reason',
      { daysOff: [{ ...TABLE.daysOff[0], reason: ' ' }] },
      'daysOff[0].reason',
    ],
    [
      'a working day of another year',
      { workingDays: [{ date: '2026-02-20', reason: 'x' }] },
      'workingDays[0].date',
    ],
    ['no source', { source: '' }, 'source'],
    ['a year out of range', { year: 1999 }, 'year'],
  ])('refuses %s, naming the field', (_, change, field) => {
    expect(() => yearTableFrom({ ...TABLE, ...change }, '2027.json')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field, key: '2027.json' } }),
    );
  });

  it.each([
    ['no weekday open', { hours: {} }, 'hours.monday'],
    ['only Monday open', { hours: { monday: DAY } }, 'hours.tuesday'],
    ['a day with no periods', { hours: { ...OFFICE.hours, monday: [] } }, 'hours.monday'],
    [
      'a period closing before it opens',
      { hours: { ...OFFICE.hours, monday: [['11:30', '07:30']] } },
      'hours.monday[0]',
    ],
    [
      'overlapping periods',
      {
        hours: {
          ...OFFICE.hours,
          monday: [
            ['07:30', '11:30'],
            ['11:00', '17:00'],
          ],
        },
      },
      'hours.monday[1]',
    ],
    ['an unknown day', { hours: { ...OFFICE.hours, caturday: DAY } }, 'hours.caturday'],
    ['a bad cut-off', { cutoff: '3pm' }, 'cutoff'],
  ])('refuses office hours with %s, naming the field', (_, change, field) => {
    expect(() => officeHoursFrom({ ...OFFICE, ...change }, 'office.json')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field, key: 'office.json' } }),
    );
  });
});
