import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { checkConsistency } from '../../src/store/consistency';
import { bpmnProcess } from '../support/bpmn';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort } from '../support/free-port';
import { seedOfficer } from '../support/officers';
import { BIRTH_PAPERS } from '../support/dossiers';

const MAIN = path.join(PROJECT_ROOT, 'dist/src/cli/main.js');
const LOAD_MS = 20_000;
const WORKERS = 6;
/** The load goes on until this many kills, however slowly a busy machine restarts servers. */
const KILLS = 3;

/** Received, checked, a second's wait (a timer), signed: every step a different server may take. */
const FLOW = bpmnProcess(
  'crash-flow',
  `<bpmn:startEvent id="start" />
   <bpmn:userTask id="check" camunda:candidateGroups="reception" />
   <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
   <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
   <bpmn:endEvent id="end" />
   <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
   <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="wait" />
   <bpmn:sequenceFlow id="c" sourceRef="wait" targetRef="sign" />
   <bpmn:sequenceFlow id="d" sourceRef="sign" targetRef="end" />`,
);

/**
 * Three server processes on one database under a steady load of dossiers; one of them killed
 * with SIGKILL every few seconds and started again. Afterwards nothing acknowledged is lost,
 * nothing is done twice, every timer fired once, and the consistency checker finds nothing.
 */
describe('three servers, killed at random under load', () => {
  let database: TestDatabase;
  let processesDir: string;
  let token: string;
  const servers: { port: number; child?: ChildProcess; ready: boolean }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    processesDir = mkdtempSync(path.join(os.tmpdir(), 'tthc-crash-'));
    cpSync(
      path.join(PROJECT_ROOT, 'processes', 'calendars'),
      path.join(processesDir, 'calendars'),
      {
        recursive: true,
      },
    );
    writeFileSync(path.join(processesDir, 'crash-flow.bpmn'), FLOW);
    cpSync(
      path.join(PROJECT_ROOT, 'processes', 'civil-status', 'birth-registration.bpmn'),
      path.join(processesDir, 'birth-registration.bpmn'),
    );
    token = await seedOfficer(database.dataSource, {
      username: 'tai.tai',
      roles: ['reception', 'leader'],
    });
    for (let n = 0; n < 3; n++) servers.push({ port: await freePort(), ready: false });
    await Promise.all(servers.map(start));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) server.child?.kill('SIGKILL');
    rmSync(processesDir, { recursive: true, force: true });
    await database.drop();
  });

  /** Starts (or starts again) a server on its port; resolves once it answers. */
  async function start(server: (typeof servers)[number]): Promise<void> {
    server.ready = false;
    const child = spawn(process.execPath, [MAIN, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(server.port),
        PROCESSES_DIR: processesDir,
        LOG_LEVEL: 'error',
        JOB_POLL_MS: '200',
        JOB_LOCK_SECONDS: '3',
      },
      stdio: 'ignore',
    });
    server.child = child;
    for (let tries = 0; tries < 150; tries++) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const up = await fetch(`http://127.0.0.1:${server.port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) {
        server.ready = true;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server on ${server.port} did not start`);
  }

  /** One GraphQL call to a server that is up; null when it failed (killed mid-call, or down). */
  async function call<T>(query: string, variables: object): Promise<T | null> {
    const live = servers.filter((s) => s.ready);
    const server = live[Math.floor(Math.random() * live.length)];
    if (!server) return null;
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      return body.errors ? null : (body.data ?? null);
    } catch {
      return null;
    }
  }

  it('loses nothing, doubles nothing, and fires every timer once', async () => {
    const started = new Map<string, string>(); // business key → instance id, acknowledged
    const checked = new Set<string>(); // task ids whose completion was acknowledged
    const received = new Set<string>(); // dossier codes acknowledged at the desk
    let kills = 0;
    let sequence = 0;
    let loaded = false;
    const until = Date.now() + LOAD_MS;

    /** A dossier received at the desk (a birth registration), then its reception step done. */
    const receive = async () => {
      const data = await call<{
        receiveDossier: { code: string; processInstance: { openTasks: { id: string }[] } };
      }>(
        `mutation { receiveDossier(input: { procedureKey: "birth-registration",
           applicant: { name: "Phan Văn Tài", idNumber: "001080033333" },
           components: ${BIRTH_PAPERS} }) {
           code processInstance { openTasks { id } } } }`,
        {},
      );
      if (!data) return;
      received.add(data.receiveDossier.code);
      const [task] = data.receiveDossier.processInstance.openTasks;
      if (await call(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: task.id })) {
        checked.add(task.id);
      }
    };

    const worker = async () => {
      while (!loaded) {
        if (sequence % 3 === 0) {
          sequence += 1;
          await receive();
          continue;
        }
        const key = `CRASH-${++sequence}`;
        const data = await call<{ startProcess: { id: string; openTasks: { id: string }[] } }>(
          `mutation ($key: String!) { startProcess(key: "crash-flow", businessKey: $key) { id openTasks { id } } }`,
          { key },
        );
        if (!data) continue;
        started.set(key, data.startProcess.id);
        const [task] = data.startProcess.openTasks;
        const done = await call(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, {
          id: task.id,
        });
        if (done) checked.add(task.id);
      }
    };
    const killer = async () => {
      while (Date.now() < until - 2000 || kills < KILLS) {
        await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 1500));
        const victim = servers[Math.floor(Math.random() * servers.length)];
        if (!victim.ready) continue;
        victim.ready = false;
        victim.child?.kill('SIGKILL');
        kills += 1;
        await new Promise((resolve) => victim.child?.once('exit', resolve));
        await start(victim);
      }
      loaded = true;
    };
    await Promise.all([killer(), ...Array.from({ length: WORKERS }, worker)]);

    // Every second's wait fires, on whichever server is up (a killed runner's jobs come free
    // when their lock runs out); the dossiers' deadlines lie days ahead.
    const query = (sql: string, parameters: unknown[] = []) =>
      database.dataSource.query(sql, parameters);
    for (let waited = 0; waited < 30_000; waited += 250) {
      const [{ waiting }] = await query(
        `SELECT count(*)::int AS waiting FROM job WHERE kind = 'timer' AND element_id = 'wait'`,
      );
      if (waiting === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const server of servers) server.child?.kill('SIGKILL');

    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(started.size).toBeGreaterThan(50);
    expect(received.size).toBeGreaterThan(20);
    // Every dossier acknowledged at the desk is there; codes stay gap-free through the kills.
    const codes = ((await query(`SELECT code FROM dossier`)) as { code: string }[]).map(
      (r) => r.code,
    );
    for (const code of received) expect(codes).toContain(code);
    const numbers = codes.map((code) => Number(code.split('-').at(-1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => k + 1));
    // Acknowledged is durable: every start is there once, every acknowledged check is done.
    const instances = (await query(
      `SELECT business_key, id FROM process_instance WHERE business_key LIKE 'CRASH-%'`,
    )) as { business_key: string; id: string }[];
    const byKey = new Map(instances.map((row) => [row.business_key, row.id]));
    expect(byKey.size).toBe(instances.length);
    for (const [key, id] of started) expect([key, byKey.get(key)]).toEqual([key, id]);
    const notDone = await query(
      `SELECT id FROM task WHERE id = ANY($1::uuid[]) AND state <> 'COMPLETED'`,
      [[...checked]],
    );
    expect(notDone).toEqual([]);
    // Nothing twice: one task per step, one timer firing per dossier, and each checked dossier
    // now waits to be signed.
    const twice = await query(
      `SELECT instance_id, element_id FROM task GROUP BY 1, 2 HAVING count(*) > 1
       UNION ALL
       SELECT instance_id, element_id FROM history_event WHERE event_type = 'TIMER_FIRED'
        GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
    const [{ unsigned }] = await query(
      `SELECT count(*)::int AS unsigned FROM task c
        WHERE c.element_id = 'check' AND c.state = 'COMPLETED'
          AND NOT EXISTS (SELECT 1 FROM task s WHERE s.instance_id = c.instance_id
                           AND s.element_id = 'sign' AND s.state = 'OPEN')`,
    );
    expect(unsigned).toBe(0);
    expect((await checkConsistency(database.store)).problems).toEqual([]);
    console.info(
      `crash test: ${started.size} instances started, ${received.size} dossiers received, ` +
        `${checked.size} steps acknowledged, ` +
        `${instances.length} instances in all, ${kills} servers killed, 0 rows lost`,
    );
  }, 180_000);
});
