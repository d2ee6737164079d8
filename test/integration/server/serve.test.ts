import type { DemoMode } from '../../../src/demo/seed-demo';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { serve } from '../../../src/cli/serve';
import { readConfig } from '../../../src/config';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedOfficer } from '../../support/officers';
import { oneStepProcess } from '../../support/bpmn';
import { PROJECT_ROOT } from '../../support/models';

/** The key of every executable process under processes/. */
const PROCESS_KEYS = readdirSync(path.join(PROJECT_ROOT, 'processes'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.bpmn'))
  .flatMap((file) =>
    [
      ...readFileSync(path.join(PROJECT_ROOT, 'processes', file), 'utf8').matchAll(
        /<bpmn:process id="([^"]+)"/g,
      ),
    ].map((match) => match[1]),
  )
  .sort();

/**
 * What `npm start` does, on a test database: migrate, deploy every file under processes/ whose
 * content changed, listen, answer /readyz and GraphQL, and stop cleanly.
 */
describe('serve', () => {
  let database: TestDatabase;
  let processesDir: string;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    processesDir = mkdtempSync(path.join(os.tmpdir(), 'tthc-processes-'));
    cpSync(path.join(PROJECT_ROOT, 'processes'), processesDir, { recursive: true });
  });
  afterAll(async () => {
    rmSync(processesDir, { recursive: true, force: true });
    await database.drop();
  });

  const start = (options: { demo?: DemoMode } = {}) => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    const config = { ...readConfig({}), port: 0, databaseUrl: database.url, processesDir };
    return serve(config, logger, options).then((server) => ({ server, lines }));
  };

  let token: string | undefined;
  const definitions = async (url: string) => {
    token ??= await seedOfficer(database.dataSource, { username: 'designer', roles: ['designer'] });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ processDefinitions { key version } }' }),
    });
    return ((await response.json()) as { data: { processDefinitions: unknown[] } }).data
      .processDefinitions;
  };

  it('migrates, deploys processes/, serves, and deploys again only what changed', async () => {
    const first = await start();
    try {
      expect(first.lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining([
          'migration applied',
          'deployed',
          expect.stringMatching(/^listening on http:\/\/localhost:\d+\/graphql$/),
        ]),
      );
      const ready = await fetch(first.server.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: { state: 'ok' } });
      expect(await definitions(first.server.url)).toEqual(
        PROCESS_KEYS.map((key) => ({ key, version: 1 })),
      );
    } finally {
      await first.server.stop();
    }

    const second = await start();
    try {
      expect(second.lines.map((l) => l.msg)).not.toContain('migration applied');
      expect(
        second.lines.find((l) => l.file === 'civil-status/birth-registration.bpmn'),
      ).toMatchObject({ msg: 'unchanged' });
      expect(await definitions(second.server.url)).toEqual(
        PROCESS_KEYS.map((key) => ({ key, version: 1 })),
      );
    } finally {
      await second.server.stop();
    }

    const file = path.join(processesDir, 'civil-status', 'birth-registration.bpmn');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('name="Ký duyệt kết quả"', 'name="Ký số kết quả"'),
    );
    const third = await start();
    try {
      expect(
        third.lines.find((l) => l.file === 'civil-status/birth-registration.bpmn'),
      ).toMatchObject({
        msg: 'deployed',
        definitions: 'birth-registration v2',
      });
    } finally {
      await third.server.stop();
    }
  });

  it('seeds the demo commune on a DATABASE_URL only when asked (--demo)', async () => {
    const demoAgencies = () =>
      database.dataSource.query(`SELECT code FROM agency WHERE code = 'xa-xuan-hoa'`);
    const plain = await start();
    await plain.server.stop();
    expect(plain.lines.map((l) => l.msg)).not.toContain(expect.stringMatching(/demo/));
    expect(await demoAgencies()).toEqual([]);
    const asked = await start({ demo: 'today' });
    await asked.server.stop();
    expect(asked.lines.map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/^demo commune seeded/),
    );
    expect(await demoAgencies()).toEqual([{ code: 'xa-xuan-hoa' }]);
  });

  it('refuses to start on an invalid process file, naming it, and deploys none of it', async () => {
    writeFileSync(path.join(processesDir, 'broken.bpmn'), '<bpmn:definitions');
    try {
      await expect(start()).rejects.toThrow(/^broken\.bpmn: The file is not valid BPMN 2\.0/);
    } finally {
      rmSync(path.join(processesDir, 'broken.bpmn'));
    }
  });

  it('stops gracefully: steps in flight finish and are answered before the server is gone', async () => {
    writeFileSync(path.join(processesDir, 'one-task.bpmn'), ONE_TASK);
    const { server } = await start({ demo: 'none' });
    let stopped: Promise<void> | undefined;
    const holder = database.dataSource.createQueryRunner();
    try {
      const leader = await seedOfficer(database.dataSource, {
        username: 'shutdown.leader',
        roles: ['leader'],
      });
      const call = (query: string) =>
        fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${leader}` },
          body: JSON.stringify({ query }),
        }).then((response) => response.json() as Promise<{ data?: any; errors?: unknown[] }>);
      const started = await call(
        `mutation { startProcess(key: "one-task") { id openTasks { id } } }`,
      );
      const { id: instanceId, openTasks } = started.data.startProcess;
      // The step waits on the instance's lock, held here, so it is surely in flight when the
      // server is told to stop.
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM process_instance WHERE id = $1 FOR UPDATE', [instanceId]);
      const completing = call(`mutation { completeTask(id: "${openTasks[0].id}") { state } }`);
      await waitFor(async () => {
        const [{ waiting }] = await database.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return waiting > 0;
      });
      stopped = server.stop();
      await holder.commitTransaction();
      expect(await completing).toEqual({ data: { completeTask: { state: 'COMPLETED' } } });
      await stopped;
      const [task] = await database.dataSource.query(`SELECT state FROM task WHERE id = $1`, [
        openTasks[0].id,
      ]);
      expect(task.state).toBe('COMPLETED');
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await (stopped ?? server.stop());
      rmSync(path.join(processesDir, 'one-task.bpmn'));
    }
  });
});

const ONE_TASK = oneStepProcess(
  'one-task',
  '<bpmn:userTask id="check" camunda:candidateGroups="leader" />',
);

async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('waited 5 s in vain');
}
