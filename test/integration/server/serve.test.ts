import type { DemoMode } from '../../../src/demo/seed-demo';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { serve } from '../../../src/cli/serve';
import { readConfig } from '../../../src/config';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { seedOfficer } from '../../support/officers';
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
 * content changed, listen, answer /healthz and GraphQL, and stop cleanly.
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
      const health = await fetch(first.server.url.replace('/graphql', '/healthz'));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
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
});
