import { AppError } from '../errors';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingDuration, isWorkingTimeText, parseWorkingDuration } from './working-duration';

/**
 * The appointment (hẹn trả) a citizen is told at the desk: the statutory time, in working days or
 * working hours (`3 working days`, `4 working hours`, `1 ngày làm việc`), counted from the
 * reception, or from the next working day when received after 15:00 or outside hours.
 */
export function appointmentFor(
  calendar: WorkingCalendar,
  statutoryDuration: string | undefined,
  receivedAt: string,
  procedureCode: string,
): string {
  const duration = isWorkingTimeText(statutoryDuration)
    ? parseWorkingDuration(statutoryDuration)
    : undefined;
  if (!duration) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Procedure ${procedureCode} has no statutory time in working days or hours (tthc:statutoryDuration is '${statutoryDuration ?? ''}')`,
      { field: 'procedureCode', key: procedureCode },
    );
  }
  return addWorkingDuration(calendar, calendar.countingStart(receivedAt), duration);
}
