import { AppError } from '../errors';
import type { WorkingCalendar } from './working-calendar';

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
  const match =
    /^(\d+(?:[.,]\d+)?)\s*(working days?|working hours?|ngày làm việc|giờ làm việc)$/i.exec(
      statutoryDuration?.trim() ?? '',
    );
  if (!match) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Procedure ${procedureCode} has no statutory time in working days or hours (tthc:statutoryDuration is '${statutoryDuration ?? ''}')`,
      { field: 'procedureCode', key: procedureCode },
    );
  }
  const amount = Number(match[1].replace(',', '.'));
  const start = calendar.countingStart(receivedAt);
  return /day|ngày/i.test(match[2])
    ? calendar.addWorkingDays(start, Math.ceil(amount))
    : calendar.addWorkingHours(start, amount);
}
