import type { ProcessModel } from '../../../src/bpmn/model';
import { WEEK_HOURS } from '../../../src/simulation/inputs';
import { simulateWhatIf } from '../../../src/simulation/what-if';
import { reviewInputs, reviewModel } from '../../support/what-if';

let model: ProcessModel;
beforeAll(async () => {
  model = await reviewModel();
});

/** Dossiers only on Friday afternoon of a single week: most finish after the week. */
function lateInTheWeek() {
  const arrivalsPerHour = new Array<number>(WEEK_HOURS).fill(0);
  for (let hour = 13; hour < 16; hour++) arrivalsPerHour[4 * 24 + hour] = 4;
  const inputs = reviewInputs(model, { weeks: 1 });
  return { ...inputs, observed: { ...inputs.observed, arrivalsPerHour } };
}

describe('the what-if after its weeks', () => {
  it('plays every arrival on to its result, the slow ones as the fast', () => {
    const result = simulateWhatIf(lateInTheWeek());
    expect(result.dossiers).toBeGreaterThan(5);
    expect(result.resultsWithinWeeks).toBeLessThan(result.dossiers);
    expect(result.results).toBe(result.dossiers);
    expect(result.unfinished).toBe(0);
    expect(result.timed).toBe(result.dossiers);
    // The days still cover the weeks only.
    expect(result.days).toHaveLength(7);
    expect(result.days.reduce((sum, d) => sum + d.results, 0)).toBe(result.resultsWithinWeeks);
  });

  it('reports the dossiers still open when it gives up, and counts them late', () => {
    const inputs = lateInTheWeek();
    const result = simulateWhatIf({
      ...inputs,
      staffing: { officers: { ...inputs.staffing.officers, civil_status: [] }, absences: {} },
    });
    expect(result.unfinished).toBe(result.dossiers);
    expect(result.results).toBe(0);
    expect(result.onTimeRate).toBe(0);
  });
});

describe('the waits the what-if reports', () => {
  it('are in working minutes: a weekend in the queue is no wait', () => {
    const inputs = lateInTheWeek();
    // Friday's dossiers wait over the weekend for the one checker, begun on Monday at the latest.
    const result = simulateWhatIf({
      ...inputs,
      weeks: 2,
      staffing: { officers: { ...inputs.staffing.officers, civil_status: ['c1'] }, absences: {} },
    });
    const monday = result.days[7].steps.find((s) => s.elementId === 'Task_Check');
    expect(monday?.meanWaitMinutes).toBeGreaterThan(0);
    // Saturday and Sunday are 2 880 minutes of clock; the office's day is 8 hours.
    expect(monday?.meanWaitMinutes).toBeLessThan(2 * 8 * 60);
  });
});
