import { parentPort } from 'node:worker_threads';
import { WorkingCalendar } from '../calendar/working-calendar';
import type { PlainWhatIf } from './worker';
import { simulateWhatIf } from './what-if';

/**
 * The worker thread's side: plays each what-if it is sent, off the server's event loop, and
 * answers with the result (or the error's message).
 */
parentPort?.on('message', (plain: PlainWhatIf) => {
  try {
    const { calendar, ...rest } = plain;
    const result = simulateWhatIf({ ...rest, calendar: WorkingCalendar.fromParts(calendar) });
    parentPort?.postMessage({ result });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
