import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CalendarParts } from '../calendar/working-calendar';
import { PROJECT_ROOT } from '../config';
import { AppError, type ErrorCode, type ErrorDetails } from '../errors';
import type { WhatIfInputs, WhatIfResult } from './inputs';

/** A what-if's inputs as data a worker thread can be sent: the calendar as its parts. */
export type PlainWhatIf = Omit<WhatIfInputs, 'calendar'> & { calendar: CalendarParts };

/** What a thread answers: the result, or its error as data (an AppError's code kept). */
export type ThreadAnswer =
  | { result: WhatIfResult }
  | { error: { message: string; code?: ErrorCode; details?: ErrorDetails } };

/** The longest a what-if may run before its thread is stopped. */
export const WHAT_IF_TIMEOUT_MS = 60_000;

/** What-ifs playing at once, in the whole process: one core is left to the server. */
export const MAX_THREADS = Math.max(1, availableParallelism() - 1);

/**
 * The compiled thread's file: beside this one when running compiled (`npm start`); under dist/
 * when this runs from the TypeScript sources (Jest), as `npm test` builds it first — a missing
 * or stale build is said plainly rather than run.
 */
function threadFile(): string {
  const beside = path.join(__dirname, 'what-if-thread.js');
  if (existsSync(beside)) return beside;
  const built = path.join(PROJECT_ROOT, 'dist/src/simulation/what-if-thread.js');
  if (!existsSync(built))
    throw new Error(`The what-if's thread is not built (${built}): run \`npm run build\` first`);
  const source = newestSource(path.join(PROJECT_ROOT, 'src'));
  if (statSync(built).mtimeMs < source.mtimeMs)
    throw new Error(
      `The what-if's thread (${built}) is older than ${source.file}: run \`npm run build\` again`,
    );
  return built;
}

function newestSource(folder: string): { file: string; mtimeMs: number } {
  let newest = { file: folder, mtimeMs: 0 };
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** How the threads run: stopped after `timeoutMs`; `threadFile`, the thread's compiled file. */
export interface WorkerOptions {
  timeoutMs?: number;
  /** Another thread than the what-if's (tests: one that never answers). */
  threadFile?: string;
}

/**
 * Plays what-ifs in their own worker threads, side by side (at most MAX_THREADS at once, the
 * others wait their turn), so that a long one never holds the server's other requests up. Each
 * thread ends when it has answered, or is stopped after `timeoutMs` (QUERY_TOO_COSTLY). An
 * AppError in the thread comes back as one, its code and details kept.
 */
export function simulateInWorkers(
  scenarios: WhatIfInputs[],
  { timeoutMs = WHAT_IF_TIMEOUT_MS, threadFile: given }: WorkerOptions = {},
): Promise<WhatIfResult[]> {
  const file = given ?? threadFile();
  return Promise.all(
    scenarios.map(async (inputs) => {
      const release = await slot();
      try {
        return await inWorker(file, inputs, timeoutMs);
      } finally {
        release();
      }
    }),
  );
}

function inWorker(file: string, inputs: WhatIfInputs, timeoutMs: number): Promise<WhatIfResult> {
  const plain: PlainWhatIf = { ...inputs, calendar: inputs.calendar.toParts() };
  const worker = new Worker(file);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<WhatIfResult>((resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            'QUERY_TOO_COSTLY',
            `The what-if ran over ${timeoutMs / 1000} s and was stopped: ask for fewer weeks`,
            { field: 'weeks' },
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (answer: ThreadAnswer) => {
      if ('result' in answer) return resolve(answer.result);
      const { code, message, details } = answer.error;
      reject(
        code ? new AppError(code, message, details) : new Error(`The what-if failed: ${message}`),
      );
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The what-if's thread stopped (${code})`)));
    worker.postMessage(plain);
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}
