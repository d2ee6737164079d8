import { Store } from '../../src/store/store';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApiServer, type ApiServer } from '../../src/api/server';
import { checkConsistency } from '../../src/store/consistency';
import { createDataSource } from '../../src/store/data-source';
import { deployBpmn } from '../../src/store/deploy';
import { bpmnProcess } from '../support/bpmn';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import { seedOfficer } from '../support/officers';

const FLOW = bpmnProcess(
  'restart-flow',
  `<bpmn:startEvent id="start" />
   <bpmn:userTask id="check" camunda:candidateGroups="reception" />
   <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
   <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
   <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="sign" />`,
);

/**
 * PostgreSQL restarted under load (its own server here, not the one other tests share): calls
 * that meet the outage fail with a retryable code and leave nothing half-written; once it is
 * back, the same server serves again without being restarted.
 */
describe('PostgreSQL restarted under load', () => {
  let dataDir: string;
  let postgres: PostgresServer;
  let store: ReturnType<typeof createDataSource>;
  let api: ApiServer;
  let url: string;
  let token: string;

  beforeAll(async () => {
    // Not made here: PostgreSQL's own user must own it (the package makes it so).
    dataDir = path.join(os.tmpdir(), `tthc-restart-${randomBytes(6).toString('hex')}`);
    postgres = await startPostgresServer({ dataDir, database: 'restart' });
    store = createDataSource(postgres.url, { poolSize: 8 });
    await store.initialize();
    await store.runMigrations();
    await deployBpmn(Store.of(store), FLOW, { now: new Date() });
    token = await seedOfficer(store, { username: 'tai.tai', roles: ['reception', 'leader'] });
    api = await createApiServer({
      store: Store.of(store),
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    await new Promise<void>((resolve) => api.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(api.httpServer.address() as AddressInfo).port}/graphql`;
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    if (store?.isInitialized) await store.destroy();
    await postgres?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (query: string, variables: object) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        data?: Record<string, { id: string; openTasks?: { id: string }[] }>;
        errors?: { extensions?: { code?: string; retryable?: boolean } }[];
      };
    } catch {
      return { errors: [{ extensions: { code: 'NO_ANSWER' } }] };
    }
  };

  it('refuses calls cleanly while it is down, and serves again once it is back', async () => {
    const acknowledged = new Map<string, string>();
    const codes = new Map<string, number>();
    let phase: 'before' | 'down' | 'after' = 'before';
    const servedAfter = { count: 0 };
    let sequence = 0;
    let stop = false;

    const worker = async () => {
      while (!stop) {
        const key = `RESTART-${++sequence}`;
        const body = await call(
          `mutation ($key: String!) { startProcess(key: "restart-flow", businessKey: $key) { id openTasks { id } } }`,
          { key },
        );
        const code = body.errors?.[0]?.extensions?.code;
        if (code) {
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(body.errors?.[0]?.extensions?.retryable).toBe(true);
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        acknowledged.set(key, body.data!.startProcess.id);
        if (phase === 'after') servedAfter.count += 1;
      }
    };
    const load = Array.from({ length: 4 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    phase = 'down';
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await postgres.start();
    phase = 'after';
    for (let waited = 0; servedAfter.count < 20 && waited < 20_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stop = true;
    await Promise.all(load);

    expect([...codes.keys()]).toEqual(['DATABASE_UNAVAILABLE']);
    expect(servedAfter.count).toBeGreaterThanOrEqual(20);
    // Everything acknowledged is there, once; nothing half-written anywhere.
    const rows = (await store.query(
      `SELECT business_key, id FROM process_instance WHERE business_key LIKE 'RESTART-%'`,
    )) as { business_key: string; id: string }[];
    const byKey = new Map(rows.map((row) => [row.business_key, row.id]));
    expect(byKey.size).toBe(rows.length);
    for (const [key, id] of acknowledged) expect([key, byKey.get(key)]).toEqual([key, id]);
    expect((await checkConsistency(Store.of(store))).problems).toEqual([]);
    console.info(
      `database restart: ${acknowledged.size} dossiers acknowledged, ` +
        `${codes.get('DATABASE_UNAVAILABLE') ?? 0} calls refused as DATABASE_UNAVAILABLE, ` +
        `${servedAfter.count} served after the restart, 0 rows lost`,
    );
  }, 90_000);
});
