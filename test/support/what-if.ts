import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../src/bpmn/compile';
import type { ProcessModel } from '../../src/bpmn/model';
import { DEFAULT_CALENDAR } from '../../src/calendar/defaults';
import { WEEK_HOURS, type WhatIfInputs } from '../../src/simulation/inputs';

/** The what-if tests' procedure: reception, a check that sends some back, signature, return. */
export const REVIEW_FIXTURE = path.join(__dirname, '../fixtures/what-if-review.bpmn');

export async function reviewModel(): Promise<ProcessModel> {
  return (await compileBpmn(readFileSync(REVIEW_FIXTURE, 'utf8'))).processes[0];
}

/** About ten dossiers a working day, Monday to Friday, 08:00–16:00. */
function arrivals(): number[] {
  const perHour = new Array<number>(WEEK_HOURS).fill(0);
  for (let weekday = 0; weekday < 5; weekday++) {
    for (let hour = 8; hour < 16; hour++) perHour[weekday * 24 + hour] = 1.25;
  }
  return perHour;
}

const spread = (from: number, to: number) =>
  Array.from({ length: 11 }, (_, k) => from + ((to - from) * k) / 10);

/** Four weeks of a commune with two checkers, as if observed, from Monday 2 March 2026. */
export function reviewInputs(
  model: ProcessModel,
  overrides: Partial<WhatIfInputs> = {},
): WhatIfInputs {
  return {
    model,
    calendar: DEFAULT_CALENDAR,
    observed: {
      arrivalsPerHour: arrivals(),
      workMinutes: {
        Task_Receive: spread(10, 20),
        Task_Check: spread(30, 90),
        Task_Sign: spread(5, 15),
        Task_ReturnResult: spread(5, 10),
      },
      flowsTaken: { Flow_Complete: 9, Flow_NeedsSupplement: 1 },
    },
    staffing: {
      officers: { reception: ['r1'], civil_status: ['c1', 'c2'], leader: ['l1'] },
      absences: {},
    },
    start: '2026-03-02T00:00:00.000Z',
    weeks: 4,
    seed: 7,
    ...overrides,
  };
}
