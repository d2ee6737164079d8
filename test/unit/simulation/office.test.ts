import { DEFAULT_CALENDAR } from '../../../src/calendar/defaults';
import { Office } from '../../../src/simulation/office';

// Monday 2 March 2026, 09:00 in Hanoi: working time.
const OPEN = Date.parse('2026-03-02T02:00:00Z');

const office = (officers: Record<string, string[]>) =>
  new Office(DEFAULT_CALENDAR, { officers, absences: {} });

const task = (dossier: number, role = 'civil_status') => ({
  dossier,
  waitId: 1,
  elementId: 'Task_Check',
  role,
  queuedAt: OPEN - dossier,
});

describe("the office's queues", () => {
  it('drops a canceled task, and hands the others in order', () => {
    const o = office({ civil_status: ['c1', 'c2'] });
    for (const dossier of [3, 2, 1]) o.enqueue(task(dossier));
    o.cancel(2, 1);
    o.cancel(9, 1); // no such task: nothing happens
    expect(o.waitingByStep().get('Task_Check')).toBe(2);
    const begun = o.dispatch(OPEN, () => 10);
    expect(begun.map((b) => b.task.dossier)).toEqual([3, 1]);
    expect(o.waitingByStep().get('Task_Check')).toBeUndefined();
  });

  it("lets a task withdrawn in an officer's hands come to nothing, and frees the officer", () => {
    const o = office({ civil_status: ['c1'] });
    o.enqueue(task(1));
    o.enqueue(task(2));
    const [begun] = o.dispatch(OPEN, () => 10);
    expect(begun.task.dossier).toBe(1);
    o.cancel(1, 1);
    expect(o.finish(begun.officer, begun.task)).toBe(false);
    const [next] = o.dispatch(OPEN, () => 10);
    expect(next.task.dossier).toBe(2);
    expect(o.finish(next.officer, next.task)).toBe(true);
  });

  it('finds no queue for a group no officer of the run holds', () => {
    const o = office({ civil_status: ['c1'], leader: [] });
    expect(o.queueFor({ candidateGroups: ['civil_status'] })).toBe('civil_status');
    expect(o.queueFor({ candidateGroups: ['leader'] })).toBeUndefined();
    expect(o.queueFor({ candidateGroups: ['police'] })).toBeUndefined();
    expect(o.queueFor({ candidateGroups: [], assignee: 'c1' })).toBe('@c1');
  });

  // How fast it cancels is the bench's business (npm run bench:simulate, the overloaded case).
  it('cancels half of tens of thousands of waiting tasks and hands on the other half', () => {
    const o = office({ civil_status: ['c1'], leader: ['l1'] });
    const count = 60_000;
    for (let dossier = 1; dossier <= count; dossier++) o.enqueue(task(dossier));
    for (let dossier = 1; dossier <= count; dossier += 2) o.cancel(dossier, 1);
    expect(o.waitingByStep().get('Task_Check')).toBe(count / 2);
    let taken = 0;
    for (let k = 0; k < count / 2; k++) {
      const [begun] = o.dispatch(OPEN, () => 1);
      if (!begun) break;
      taken += 1;
      o.free(begun.officer);
    }
    expect(taken).toBe(count / 2);
  });
});
