import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../src/bpmn/compile';
import { DEFAULT_CALENDAR } from '../src/calendar/defaults';
import { PROJECT_ROOT } from '../src/config';
import { WEEK_HOURS, type WhatIfInputs } from '../src/simulation/inputs';
import { simulateWhatIf } from '../src/simulation/what-if';
import { measure, type Measurement } from './measure';

/**
 * A busy commune: about forty dossiers a working day of a three-day procedure, four roles; or,
 * overloaded, the same with one checker: queues of hundreds of tasks, the run going on after
 * the weeks until every dossier is done.
 */
async function busyCommune(weeks: number, seed: number, overloaded = false): Promise<WhatIfInputs> {
  const xml = readFileSync(
    path.join(PROJECT_ROOT, 'processes/civil-status/marital-status-certificate.bpmn'),
    'utf8',
  );
  const [model] = (await compileBpmn(xml)).processes;
  const arrivalsPerHour = new Array<number>(WEEK_HOURS).fill(0);
  for (let weekday = 0; weekday < 5; weekday++) {
    for (let hour = 8; hour < 16; hour++) arrivalsPerHour[weekday * 24 + hour] = 5;
  }
  const minutes = (from: number, to: number) =>
    Array.from({ length: 21 }, (_, k) => from + ((to - from) * k) / 20);
  return {
    model,
    calendar: DEFAULT_CALENDAR,
    observed: {
      arrivalsPerHour,
      workMinutes: {
        Task_Receive: minutes(5, 20),
        Task_Check: minutes(20, 70),
        Task_Sign: minutes(2, 10),
        Task_ReturnResult: minutes(3, 10),
      },
      flowsTaken: {},
    },
    staffing: {
      officers: {
        reception: ['r1', 'r2', 'r3'],
        civil_status: overloaded ? ['c1'] : ['c1', 'c2', 'c3', 'c4'],
        leader: ['l1'],
      },
      absences: { c4: ['2026-03-10', '2026-03-11'] },
    },
    start: '2026-03-02T00:00:00.000Z',
    weeks,
    seed,
  };
}

/**
 * The what-if simulation: simulated dossiers a second, over `weeks` weeks of a busy commune (or
 * an overloaded one).
 */
export async function benchWhatIf(weeks: number, overloaded = false): Promise<Measurement> {
  await busyCommune(1, 1).then(simulateWhatIf); // warm-up: JIT
  const inputs = await busyCommune(weeks, 2026, overloaded);
  let dossiers = 0;
  const measured = await measure(0, () => {
    dossiers = simulateWhatIf(inputs).dossiers;
  });
  return { ...measured, count: dossiers };
}
