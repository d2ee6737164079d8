import path from 'node:path';
import type { ProcessModel } from '../../../src/bpmn/model';
import { userMessage } from '../../../src/api/user-message';
import { AppError } from '../../../src/errors';
import { simulateWhatIf } from '../../../src/simulation/what-if';
import { MAX_THREADS, simulateInWorkers } from '../../../src/simulation/worker';
import { reviewInputs, reviewModel } from '../../support/what-if';

const SILENT_THREAD = path.join(__dirname, '../../fixtures/silent-what-if-thread.mjs');

// The thread runs the compiled file (dist/): `npm run build` first, or this says so.
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

  it('plays more scenarios than threads, in turn', async () => {
    const many = Array.from({ length: MAX_THREADS + 2 }, (_, seed) =>
      reviewInputs(model, { weeks: 1, seed }),
    );
    const results = await simulateInWorkers(many);
    expect(results.map((r) => r.dossiers)).toEqual(many.map((i) => simulateWhatIf(i).dossiers));
  });

  it('brings a coded error back from the thread, code and field kept', async () => {
    const error = await simulateInWorkers([reviewInputs(model, { weeks: 0 })]).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'weeks' } });
  });

  // A thread that never answers: the timeout stops it, however fast the machine runs.
  it('stops a thread that runs too long, with a coded error', async () => {
    const error = await simulateInWorkers([reviewInputs(model, { weeks: 1 })], {
      timeoutMs: 50,
      threadFile: SILENT_THREAD,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'QUERY_TOO_COSTLY', details: { field: 'weeks' } });
    // The officer reads what to do: fewer weeks, not smaller pages.
    expect(userMessage(error.code, error.details)).toMatch(/ít tuần hơn/);
  });
});
