import type { ProcessModel } from '../../../src/bpmn/model';
import { step } from '../../../src/engine/step';
import { BranchChooser } from '../../../src/simulation/branches';
import type { WhatIfInputs } from '../../../src/simulation/inputs';
import { Random } from '../../../src/simulation/random';
import { simulateWhatIf } from '../../../src/simulation/what-if';
import { reviewInputs, reviewModel } from '../../support/what-if';

let model: ProcessModel;
beforeAll(async () => {
  model = await reviewModel();
});

const inputs = (overrides: Partial<WhatIfInputs> = {}) => reviewInputs(model, overrides);

describe('the what-if simulation', () => {
  it('gives the same result for the same seed, and a close one for another', () => {
    const first = simulateWhatIf(inputs());
    expect(simulateWhatIf(inputs())).toEqual(first);
    const other = simulateWhatIf(inputs({ seed: 8 }));
    expect(other).not.toEqual(first);
    // Four weeks of 50 expected arrivals: Poisson counts within a quarter of 200 (3.5 sd).
    for (const run of [first, other]) expect(Math.abs(run.dossiers - 200)).toBeLessThan(50);
    expect(Math.abs((other.onTimeRate ?? 0) - (first.onTimeRate ?? 0))).toBeLessThan(0.1);
  });

  it('predicts late dossiers and long queues when half the checkers are gone', () => {
    const full = simulateWhatIf(inputs());
    const half = simulateWhatIf(
      inputs({
        staffing: {
          officers: { reception: ['r1'], civil_status: ['c1'], leader: ['l1'] },
          absences: {},
        },
      }),
    );
    expect(full.onTimeRate).toBeGreaterThan(0.9);
    expect(half.onTimeRate).toBeLessThan((full.onTimeRate ?? 0) - 0.2);
    const lastQueue = (result: typeof full) =>
      result.days.at(-1)?.steps.find((s) => s.elementId === 'Task_Check')?.queue ?? 0;
    expect(lastQueue(half)).toBeGreaterThan(lastQueue(full) + 10);
    expect(half.timeToResultHours.p90).toBeGreaterThan(full.timeToResultHours.p90 ?? 0);
  });

  it('counts a week away as a week without the officer', () => {
    const dates = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
    const away = simulateWhatIf(
      inputs({
        staffing: {
          officers: { reception: ['r1'], civil_status: ['c1', 'c2'], leader: ['l1'] },
          absences: { c2: dates },
        },
      }),
    );
    const full = simulateWhatIf(inputs());
    const queueOn = (result: typeof full, date: string) =>
      result.days.find((d) => d.date === date)?.steps.find((s) => s.elementId === 'Task_Check')
        ?.queue ?? 0;
    expect(queueOn(away, '2026-03-13')).toBeGreaterThan(queueOn(full, '2026-03-13') + 5);
    expect(away.onTimeRate).toBeLessThan(full.onTimeRate ?? 0);
  });

  it('reports each day: arrivals, results, and every step met', () => {
    const result = simulateWhatIf(inputs());
    expect(result.days).toHaveLength(28);
    expect(result.days[0].date).toBe('2026-03-02');
    expect(result.days.reduce((sum, d) => sum + d.arrivals, 0)).toBe(result.dossiers);
    expect(result.days.reduce((sum, d) => sum + d.results, 0)).toBe(result.resultsWithinWeeks);
    // Sundays: no one comes and no one works.
    expect(result.days[6]).toMatchObject({ arrivals: 0, results: 0 });
    const met = new Set(result.days.flatMap((d) => d.steps.map((s) => s.elementId)));
    expect([...met].sort()).toEqual([
      'Task_Check',
      'Task_Receive',
      'Task_ReturnResult',
      'Task_Sign',
    ]);
  });
});

describe('the branch chooser', () => {
  it('makes the engine take each flow as often as it was observed', () => {
    const chooser = new BranchChooser(model, { Flow_Complete: 3, Flow_NeedsSupplement: 1 });
    const random = new Random(1);
    let supplements = 0;
    for (let run = 0; run < 400; run++) {
      const now = '2026-03-02T02:00:00.000Z';
      let { state } = step(chooser.model, undefined, { type: 'START', variables: {} }, now);
      for (const element of ['Task_Receive', 'Task_Check']) {
        const waitId = state.tokens.find((t) => t.elementId === element)!.id;
        const variables = chooser.draw(random);
        ({ state } = step(chooser.model, state, { type: 'COMPLETE_TASK', waitId, variables }, now));
      }
      if (state.tokens.some((t) => t.elementId === 'Task_Receive')) supplements += 1;
    }
    expect(supplements).toBeGreaterThan(70);
    expect(supplements).toBeLessThan(130);
  });

  it('leaves a gateway never observed to its own conditions', () => {
    const chooser = new BranchChooser(model, {});
    expect(chooser.model.flows).toEqual(model.flows);
    expect(chooser.draw(new Random(1))).toEqual({});
  });
});
