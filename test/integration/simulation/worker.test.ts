import type { ProcessModel } from '../../../src/bpmn/model';
import { simulateWhatIf } from '../../../src/simulation/what-if';
import { simulateInWorkers } from '../../../src/simulation/worker';
import { reviewInputs, reviewModel } from '../../support/what-if';

// The thread runs the compiled file (dist/, which `npm test` builds before Jest).
describe('the what-if in worker threads', () => {
  let model: ProcessModel;
  beforeAll(async () => {
    model = await reviewModel();
  });

  it('gives what the plain function gives, for each scenario side by side', async () => {
    const one = reviewInputs(model, { weeks: 2 });
    const other = reviewInputs(model, { weeks: 2, seed: 9 });
    const [first, second] = await simulateInWorkers([one, other]);
    expect(first).toEqual(simulateWhatIf(one));
    expect(second).toEqual(simulateWhatIf(other));
    expect(first).not.toEqual(second);
  });
});
