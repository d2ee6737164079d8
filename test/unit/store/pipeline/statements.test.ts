import { statementsOf } from '../../../../src/store/pipeline/execute-plan';
import type { Write } from '../../../../src/store/pipeline/plan/write-plan';

const write = (row: string): Write => ({ row, kind: 'deleteJobs', waitId: 0 });

describe('the statements a plan is written in', () => {
  it('sends writes of different rows together, in one statement', () => {
    const writes = [write('task:1'), write('job:1'), write('history:1')];
    expect(statementsOf(writes)).toEqual([writes]);
  });

  it('starts a new statement where a write touches a row the statement already writes', () => {
    const [a, b, c, d] = [write('task:1'), write('job:2'), write('task:1'), write('job:2')];
    expect(statementsOf([a, b, c, d])).toEqual([
      [a, b],
      [c, d],
    ]);
  });

  it('still has a statement for a plan with no writes: the one that saves the state', () => {
    expect(statementsOf([])).toEqual([[]]);
  });
});
