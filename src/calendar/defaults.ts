import type { OfficeHours } from './types';
import { WorkingCalendar } from './working-calendar';

/**
 * Office hours when none are deployed: the usual hours of state offices, Monday to Friday, with
 * the 15:00 cut-off. An office's own `processes/calendars/office.json` replaces them.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  utcOffset: '+07:00',
  cutoff: '15:00',
  hours: Object.fromEntries(
    ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((day) => [
      day,
      [
        ['07:30', '11:30'],
        ['13:30', '17:00'],
      ],
    ]),
  ),
};

/** The statute's holidays and the default hours, with no year's table. */
export const DEFAULT_CALENDAR = new WorkingCalendar(DEFAULT_OFFICE_HOURS, []);
