import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { JobHandlers } from '../../../src/jobs/handlers';
import { deployBpmn } from '../../../src/store/deploy';
import { startInstance } from '../../../src/commands/start-process';
import { bpmnProcess, oneStepProcess } from '../../support/bpmn';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startQuietRunner } from '../../support/runner';
import { PROJECT_ROOT } from '../../support/models';

const MAIN = path.join(PROJECT_ROOT, 'dist/src/cli/main.js');
const TIMERS = 1000;

/** Resolves when `condition` holds, checking every 20 ms (we wait on other processes here). */
async function until(condition: () => Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('job runners sharing one database', () => {
  let database: TestDatabase;
  const children: ChildProcess[] = [];
  const count = async (sql: string, parameters: unknown[] = []) =>
    Number((await database.dataSource.query(sql, parameters))[0].count);

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    database = await createTestDatabase();
    await deployBpmn(
      database.store,
      bpmnProcess(
        'wait-then-file',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="file" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
         <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="file" />`,
      ),
      { now: new Date('2026-01-05T01:00:00Z') },
    );
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database.drop();
  });

  it('fire 1,000 due timers exactly once, though one runner is killed half-way', async () => {
    // Started long ago: every timer is due by the runners' real clock.
    for (let i = 0; i < TIMERS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, TIMERS - i) }, (_, k) =>
          startInstance(database.store, {
            key: 'wait-then-file',
            businessKey: `T-${i + k}`,
            variables: {},
            now: new Date('2026-01-05T01:00:00Z'),
          }),
        ),
      );
    }
    expect(await count(`SELECT count(*) FROM job WHERE kind = 'timer'`)).toBe(TIMERS);

    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      JOB_LOCK_SECONDS: '3',
      JOB_POLL_MS: '200',
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < 3; i++) {
      children.push(spawn(process.execPath, [MAIN, 'runner'], { env, stdio: 'ignore' }));
    }
    const [victim] = children;
    const victimId = `${hostname()}-${victim.pid}`;
    // Kill one runner while it holds timers it has not fired yet, with work left for the others.
    await until(
      async () =>
        (await count('SELECT count(*) FROM job')) <= TIMERS * 0.7 &&
        (await count('SELECT count(*) FROM job WHERE locked_by = $1', [victimId])) > 0,
      'the first runner to hold timers half-way',
    );
    victim.kill('SIGKILL');
    await until(async () => (await count('SELECT count(*) FROM job')) === 0, 'every timer');

    const perInstance: { fired: string; filed: string }[] = await database.dataSource.query(
      `SELECT count(*) FILTER (WHERE event_type = 'TIMER_FIRED') AS fired,
              count(*) FILTER (WHERE event_type = 'ELEMENT_ACTIVATED' AND element_id = 'file') AS filed
         FROM process_instance i LEFT JOIN history_event h ON h.instance_id = i.id
        GROUP BY i.id`,
    );
    expect(perInstance).toHaveLength(TIMERS);
    expect(perInstance.filter((row) => row.fired !== '1' || row.filed !== '1')).toEqual([]);
    expect(await count(`SELECT count(*) FROM task WHERE element_id = 'file'`)).toBe(TIMERS);
    expect(await count('SELECT count(*) FROM incident')).toBe(0);
  }, 120_000);

  it('wake at once when a job is added, without waiting for the next poll', async () => {
    let done: (variables: unknown) => void = () => undefined;
    const handled = new Promise((resolve) => (done = resolve));
    const handlers = new JobHandlers().register('notify-citizen', async (job) => {
      done(job.variables);
      return { notified: true };
    });
    await deployBpmn(
      database.store,
      oneStepProcess('notify', '<bpmn:serviceTask id="send" tthc:jobType="notify-citizen" />'),
      { now: new Date() },
    );
    // Polls once an hour: only the notification can wake it in time.
    const runner = await startQuietRunner(database.store, handlers);
    try {
      await runner.tick();
      await startInstance(database.store, {
        key: 'notify',
        businessKey: 'N-1',
        variables: { phone: '0912345678' },
        now: new Date(),
      });
      await expect(handled).resolves.toEqual({ phone: '0912345678' });
    } finally {
      await runner.stop();
    }
  });
});
