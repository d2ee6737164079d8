import { DBOS } from '@dbos-inc/dbos-sdk';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { measureConcurrently, type CpuClock, type Measurement } from '../measure';
import { countWrites, flushPoolStats } from '../writes';
import { withScratchDatabase } from './scratch-database';

export interface DbosResult {
  /** Units: a workflow's start and its five steps, 6 a workflow. */
  fiveSteps: Measurement;
  /** Units: a workflow's start and the five messages it receives, 6 a workflow. */
  fiveMessages: Measurement;
}

/** In-process resolvers of the five-message workflows' checkpoints, by workflow ID. */
const checkpointed = new Map<string, () => void>();

/** A workflow of five checkpointed steps whose bodies do nothing. */
const fiveSteps = DBOS.registerWorkflow(
  async () => {
    for (let step = 0; step < 5; step++) await DBOS.runStep(async () => step, { name: `s${step}` });
  },
  { name: 'benchFiveSteps' },
);

/**
 * A workflow that waits for five messages in turn, the nearest DBOS has to five user tasks. After
 * each `DBOS.recv` returns, it tells its client in memory: recv returns only once it has consumed
 * the message and recorded it in the same committed transaction, so this is the checkpoint, at no
 * cost to the database (a `setEvent` or a poll of DBOS's tables would add writes or reads of ours).
 * recv's default 60 s timeout is kept: DBOS records its deadline durably, as any user would have.
 */
const fiveMessages = DBOS.registerWorkflow(
  async () => {
    for (let message = 0; message < 5; message++) {
      await DBOS.recv<number>();
      checkpointed.get(DBOS.workflowID ?? '')?.();
    }
  },
  { name: 'benchFiveMessages' },
);

/** One five-message workflow: started, then sent each message once the last one is recorded. */
async function messageClient(): Promise<void> {
  const workflowID = randomUUID();
  const handle = await DBOS.startWorkflow(fiveMessages, { workflowID })();
  try {
    for (let message = 0; message < 5; message++) {
      const recorded = new Promise<void>((resolve) => checkpointed.set(workflowID, resolve));
      await DBOS.send(workflowID, message);
      await recorded;
    }
  } finally {
    checkpointed.delete(workflowID);
  }
  await handle.getResult();
}

/**
 * DBOS Transact 5, the durable-workflow library, on the same server: its system database is a
 * database of its own, `bench_dbos`, through a pool of 10 (DBOS's default). Two runs, of
 * `workflows` of each kind, `concurrency` clients at once, each client waiting for its
 * workflow's end: five-step workflows (called and awaited), and five-message workflows (see
 * `messageClient`). Telemetry off, no Conductor; DBOS 5 has no admin server.
 */
export async function benchDbos(
  url: string,
  workflows: { fiveSteps: number; fiveMessages: number },
  concurrency: number,
  databaseCpu: CpuClock,
): Promise<DbosResult> {
  return withScratchDatabase(url, 'bench_dbos', async (systemDatabaseUrl) => {
    const pool = new Pool({ connectionString: systemDatabaseUrl, max: 10 });
    pool.on('error', (error) => console.error(`DBOS's pool: ${error.message}`));
    DBOS.setConfig({
      name: 'bench',
      systemDatabaseUrl,
      systemDatabasePool: pool,
      enableOTLP: false,
      logLevel: 'warn',
    });
    await DBOS.launch();
    try {
      const options = {
        countEach: 6,
        databaseCpu,
        writes: countWrites(systemDatabaseUrl, () => flushPoolStats(pool)),
      };
      const steps = () => fiveSteps();
      return {
        fiveSteps: await measureConcurrently(workflows.fiveSteps, concurrency, steps, options),
        fiveMessages: await measureConcurrently(
          workflows.fiveMessages,
          concurrency,
          messageClient,
          options,
        ),
      };
    } finally {
      await DBOS.shutdown();
      await pool.end();
    }
  });
}
