import type { BenchApi } from './bench-api';
import { measureConcurrently, type CpuClock, type Measurement } from './measure';
import type { WritesCounter } from './writes';

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
  databaseCpu: CpuClock = null,
  writes?: WritesCounter,
): Promise<Measurement> {
  const token = await api.officer(
    'bench.http',
    ['reception', 'civil_status', 'police', 'leader'],
    'bench-http',
  );
  const dossier = async () => {
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
  };
  return measureConcurrently(instances, concurrency, dossier, {
    countEach: 6,
    databaseCpu,
    writes,
  });
}

/**
 * The floor beneath those steps: a signed-in request that asks for nothing (`{ __typename }`),
 * through the same server, client and sign-in, `concurrency` at once. What HTTP, Apollo and the
 * sign-in cost a request before any step is taken.
 */
export async function benchGraphqlEmpty(
  api: BenchApi,
  requests: number,
  concurrency: number,
  databaseCpu: CpuClock = null,
): Promise<Measurement> {
  const token = await api.officer('bench.empty', ['reception'], 'bench-http');
  const empty = async () => {
    await api.call(token, '{ __typename }');
  };
  return measureConcurrently(requests, concurrency, empty, { databaseCpu });
}
