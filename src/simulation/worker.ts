import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CalendarParts } from '../calendar/working-calendar';
import { PROJECT_ROOT } from '../config';
import type { WhatIfInputs, WhatIfResult } from './inputs';

/** A what-if's inputs as data a worker thread can be sent: the calendar as its parts. */
export type PlainWhatIf = Omit<WhatIfInputs, 'calendar'> & { calendar: CalendarParts };

/**
 * The compiled thread's file: beside this one when running compiled (`npm start`); under dist/
 * when this runs from the TypeScript sources (Jest), as `npm test` builds it first.
 */
function threadFile(): string {
  const beside = path.join(__dirname, 'what-if-thread.js');
  return existsSync(beside)
    ? beside
    : path.join(PROJECT_ROOT, 'dist/src/simulation/what-if-thread.js');
}

/**
 * Plays what-ifs in their own worker threads, side by side, so that a long one never holds the
 * server's other requests up. Each thread ends when it has answered.
 */
export function simulateInWorkers(scenarios: WhatIfInputs[]): Promise<WhatIfResult[]> {
  return Promise.all(scenarios.map(inWorker));
}

function inWorker(inputs: WhatIfInputs): Promise<WhatIfResult> {
  const plain: PlainWhatIf = { ...inputs, calendar: inputs.calendar.toParts() };
  const worker = new Worker(threadFile());
  return new Promise<WhatIfResult>((resolve, reject) => {
    worker.once('message', (answer: { result?: WhatIfResult; error?: string }) => {
      if (answer.result) resolve(answer.result);
      else reject(new Error(`The what-if failed: ${answer.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The what-if's thread stopped (${code})`)));
    worker.postMessage(plain);
  }).finally(() => void worker.terminate());
}
