import { Logger, run, type Runner, type Task } from 'graphile-worker';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { measureConcurrently, type CpuClock, type Measurement } from '../measure';
import { countWrites, flushPoolStats } from '../writes';
import { withScratchDatabase } from './scratch-database';

export interface GraphileWorkerResult {
  /** Each job fetched and completed on its own. */
  plain: Measurement;
  /** With its batching: a local queue of jobs fetched at once, completions batched. */
  batched: Measurement;
}

interface Link {
  chain: string;
  job: number;
}

const JOBS = 5;
/** How long the batched run gathers completions into one query: the start its docs recommend. */
export const BATCH_DELAY_MS = 250;

/** Logs only graphile-worker's errors. */
const errorsOnly = new Logger(() => (level, message) => {
  if (level === 'error') console.error(`graphile-worker: ${message}`);
});

/** The job of a chain: when it runs, it adds the next one, until five have run. */
const link: Task = async (payload, helpers) => {
  const { chain, job } = payload as Link;
  if (job < JOBS) await helpers.addJob('link', { chain, job: job + 1 } satisfies Link);
};

/** A runner of `concurrency` workers on `pool`, with graphile-worker's batching or without. */
function runner(pool: Pool, concurrency: number, batched: boolean): Promise<Runner> {
  return run({
    pgPool: pool,
    concurrency,
    noHandleSignals: true,
    logger: errorsOnly,
    taskList: { link },
    ...(batched && {
      preset: {
        worker: {
          localQueue: { size: concurrency + 1 },
          completeJobBatchDelay: BATCH_DELAY_MS,
          failJobBatchDelay: BATCH_DELAY_MS,
        },
      },
    }),
  });
}

/**
 * graphile-worker 0.18, the job queue, on the same server, its schema in a database of its own
 * (`bench_graphile`), through a pool of 10 (its default), `concurrency` workers. A unit is a job:
 * chains of five jobs, each job adding the next when it runs, `concurrency` chains in flight (as
 * many as workers: our other rows keep 8 clients busy too). A client adds a chain's first job and
 * waits for its last to succeed (`job:success`, emitted as the job's completion is sent: the
 * batched completions of a run's last jobs land after its clock stops, those of the warm-up's
 * before it starts). Run once plain, once with its batching.
 */
export async function benchGraphileWorker(
  url: string,
  chains: number,
  concurrency: number,
  databaseCpu: CpuClock,
): Promise<GraphileWorkerResult> {
  return withScratchDatabase(url, 'bench_graphile', async (target) => {
    const pool = new Pool({ connectionString: target, max: 10 });
    const logError = (error: Error) => console.error(`graphile-worker's pool: ${error.message}`);
    pool.on('error', logError);
    pool.on('connect', (client) => client.on('error', logError));
    try {
      const measureChains = async (batched: boolean) => {
        const worker = await runner(pool, concurrency, batched);
        try {
          return await measureWith(worker, chains, concurrency, {
            databaseCpu,
            writes: countWrites(target, async () => {
              await sleep(BATCH_DELAY_MS + 50); // batched completions sent
              return flushPoolStats(pool);
            }),
          });
        } finally {
          await worker.stop();
        }
      };
      return { plain: await measureChains(false), batched: await measureChains(true) };
    } finally {
      await pool.end();
    }
  });
}

/** Chains run through `worker`, `concurrency` at once, a unit a job. */
function measureWith(
  worker: Runner,
  chains: number,
  concurrency: number,
  options: Parameters<typeof measureConcurrently>[3],
): Promise<Measurement> {
  const ends = new Map<string, () => void>();
  worker.events.on('job:success', ({ job }) => {
    const { chain, job: index } = job.payload as Link;
    if (index === JOBS) ends.get(chain)?.();
  });
  const chain = async () => {
    const id = randomUUID();
    const end = new Promise<void>((resolve) => ends.set(id, resolve));
    await worker.addJob('link', { chain: id, job: 1 } satisfies Link);
    await end;
    ends.delete(id);
  };
  return measureConcurrently(chains, concurrency, chain, { ...options, countEach: JOBS });
}
