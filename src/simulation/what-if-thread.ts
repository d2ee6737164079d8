import { parentPort } from 'node:worker_threads';
import { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors';
import type { PlainWhatIf, ThreadAnswer } from './worker';
import { simulateWhatIf } from './what-if';

/**
 * The worker thread's side: plays each what-if it is sent, off the server's event loop, and
 * answers with the result, or the error as data (an AppError's code and details kept).
 */
parentPort?.on('message', (plain: PlainWhatIf) => {
  let answer: ThreadAnswer;
  try {
    const { calendar, ...rest } = plain;
    answer = { result: simulateWhatIf({ ...rest, calendar: WorkingCalendar.fromParts(calendar) }) };
  } catch (error) {
    answer =
      error instanceof AppError
        ? { error: { code: error.code, message: error.message, details: error.details } }
        : { error: { message: error instanceof Error ? error.message : String(error) } };
  }
  parentPort?.postMessage(answer);
});
