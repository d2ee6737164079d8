import { DEFAULT_CALENDAR } from '../../../src/calendar/defaults';
import { mondayWeekday } from '../../../src/calendar/statutory-holidays';
import { observedWork, type CompletedTask } from '../../../src/simulation/observed-work';
import { simulateWhatIf } from '../../../src/simulation/what-if';
import { arrivalRates, arrivalsSince } from '../../../src/store/what-if-inputs';
import { reviewInputs, reviewModel } from '../../support/what-if';

// Monday 2 March 2026 in Hanoi (UTC+7): 08:00 is 01:00Z.
const at = (hhmm: string, date = '2026-03-02') => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((h - 7) * 60 + m) * 60_000);
};
const task = (overrides: Partial<CompletedTask>): CompletedTask => ({
  procedureKey: 'review',
  elementId: 'Task_Check',
  role: 'civil_status',
  officer: 'c1',
  createdAt: at('08:00'),
  claimedAt: at('08:00'),
  endedAt: at('09:00'),
  ...overrides,
});

describe("the office's observed work", () => {
  it("counts an officer's work from their previous completion, not the claim at creation", () => {
    // Three tasks assigned to c1 at 08:00, done one after the other: 20 minutes of work each.
    const tasks = ['08:20', '08:40', '09:00'].map((end) => task({ endedAt: at(end) }));
    expect(observedWork(DEFAULT_CALENDAR, 'review', tasks).workMinutes.Task_Check).toEqual([
      20, 20, 20,
    ]);
  });

  it("gives a role the share of its time this procedure took, of all the agency's work", () => {
    const tasks = [
      task({ endedAt: at('08:30') }),
      task({ procedureKey: 'land', elementId: 'Task_Land', endedAt: at('10:00') }),
      task({ role: 'leader', officer: 'l1', elementId: 'Task_Sign', endedAt: at('08:10') }),
    ];
    const { roleShares } = observedWork(DEFAULT_CALENDAR, 'review', tasks);
    expect(roleShares.civil_status).toBeCloseTo(30 / 120);
    expect(roleShares.leader).toBe(1);
  });

  it('plays a role on this procedure a quarter of the time as a quarter of the hands', async () => {
    const model = await reviewModel();
    const inputs = reviewInputs(model);
    const full = simulateWhatIf(inputs);
    const shared = simulateWhatIf({
      ...inputs,
      observed: { ...inputs.observed, roleShares: { civil_status: 0.25 } },
    });
    expect(shared.onTimeRate).toBeLessThan((full.onTimeRate ?? 0) - 0.2);
  });

  it('spreads arrivals over the whole window, weeks with none included', () => {
    // One dossier on Monday 30 March, observed over the four weeks from 2 March.
    const rates = arrivalRates(DEFAULT_CALENDAR, at('00:00'), at('00:00', '2026-04-06'), [
      { hour: at('08:00', '2026-03-30'), count: 1 },
    ]);
    expect(rates[8]).toBeCloseTo(1 / 5);
  });
});

describe('the weekday of a local date', () => {
  it('counts from Monday, as the week of arrivals does', () => {
    expect(['2026-03-02', '2026-03-07', '2026-03-08'].map(mondayWeekday)).toEqual([0, 5, 6]);
  });
});

describe('the start of the arrivals observed', () => {
  const from = at('00:00');
  it('is the deployment of the first version when later than the window, else the window', () => {
    const deployed = at('00:00', '2026-03-16');
    const arrivals = [{ hour: at('08:00', '2026-03-17') }];
    expect(arrivalsSince(from, deployed, arrivals)).toEqual(deployed);
    expect(arrivalsSince(from, at('00:00', '2026-01-05'), arrivals)).toEqual(from);
    expect(arrivalsSince(from, null, arrivals)).toEqual(from);
  });

  it('is the first dossier seen when one came before the deployment on record', () => {
    const arrivals = [{ hour: at('08:00', '2026-03-09') }];
    expect(arrivalsSince(from, at('00:00', '2026-03-30'), arrivals)).toEqual(arrivals[0].hour);
  });
});
