import type { BenchApi } from './bench-api';
import { measure, type Measurement } from './measure';

const START = `mutation { startProcess(key: "five-tasks", variables: { missing: false }) {
  openTasks { id } } }`;
const COMPLETE = `mutation ($id: ID!) { completeTask(id: $id) {
  processInstance { openTasks { id } } } }`;

/**
 * Durable throughput as a front-end sees it: the five-task process started and worked to its end
 * through GraphQL over HTTP (a request per step, each one transaction with its history), with
 * `concurrency` dossiers moving at once. Counts committed steps (1 start + 5 completions each).
 * The five-task process must be deployed.
 */
export async function benchGraphqlSteps(
  api: BenchApi,
  instances: number,
  concurrency: number,
): Promise<Measurement> {
  const token = await api.officer(
    'bench.http',
    ['reception', 'civil_status', 'police', 'leader'],
    'bench-http',
  );
  let next = 0;
  let last = 0;
  const worker = async () => {
    while (next < last) {
      next += 1;
      const { startProcess } = await api.call<{ startProcess: { openTasks: { id: string }[] } }>(
        token,
        START,
      );
      let open = startProcess.openTasks;
      while (open.length > 0) {
        const { completeTask } = await api.call<{
          completeTask: { processInstance: { openTasks: { id: string }[] } };
        }>(token, COMPLETE, { id: open[0].id });
        open = completeTask.processInstance.openTasks;
      }
    }
  };
  const run = (count: number) => {
    last += count;
    return Promise.all(Array.from({ length: concurrency }, worker)).then(() => undefined);
  };
  await run(Math.ceil(instances / 10)); // warm-up: JIT, and each connection prepares its statements
  return measure(instances * 6, () => run(instances));
}
