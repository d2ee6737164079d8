import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/demo/demo-commune';
import { PROJECT_ROOT } from '../support/models';
import { freePort } from '../support/free-port';

const MAIN = path.join(PROJECT_ROOT, 'dist/src/cli/main.js');

/**
 * What a newcomer does: start the built server with no DATABASE_URL. It must create an embedded
 * PostgreSQL in DATA_DIR, deploy processes/, serve, and on Ctrl-C stop the server and PostgreSQL.
 * `npm test` builds before Jest runs, so dist/ is current.
 */
describe('npm start with the embedded PostgreSQL', () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  beforeAll(() => {
    if (!existsSync(MAIN))
      throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    dataDir = mkdtempSync(path.join(PROJECT_ROOT, '.data', 'start-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, deploys, answers, and stops PostgreSQL with it on SIGINT', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [MAIN, 'serve'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    const lines: { msg?: string; url?: string; file?: string; changed?: unknown }[] = [];
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    const url = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      child.stdout?.on('data', (chunk) => {
        buffer += String(chunk);
        for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
          const line = JSON.parse(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
          lines.push(line);
          if (line.url) resolve(line.url);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    expect(lines.find((l) => l.file === 'civil-status/birth-registration.bpmn')?.msg).toBe(
      'deployed',
    );

    // The office's calendar is deployed with the processes: a year's table counts at once.
    expect(lines.find((l) => l.msg === 'calendars deployed')).toMatchObject({
      changed: ['2025', '2026', 'office'],
    });
    const calendar = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ workingCalendar(year: 2026) { daysOff { date source } } }',
      }),
    });
    const { data } = (await calendar.json()) as {
      data: { workingCalendar: { daysOff: { date: string; source: string }[] } };
    };
    expect(data.workingCalendar.daysOff).toContainEqual({ date: '2026-02-14', source: 'table' });

    // The demo commune is seeded: its desk officer signs in and finds the dossiers to receive.
    const post = async (query: string, token?: string) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token && { authorization: `Bearer ${token}` }),
          },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data: any };
    const signIn = await post(
      `mutation { login(username: "le.tiepnhan", password: "${DEMO_PASSWORD}") { token } }`,
    );
    const inbox = await post(`{ myTasks { counts { open } } }`, signIn.data.login.token);
    expect(inbox.data.myTasks.counts.open).toBeGreaterThanOrEqual(1);
    // And a past: the leader's dashboard has months of figures, made by the engine.
    const leader = await post(
      `mutation { login(username: "nguyen.chutich", password: "${DEMO_PASSWORD}") { token } }`,
    );
    const months = await post(
      `{ dossierMetrics(groupBy: [MONTH]) { month received onTimeRate } }`,
      leader.data.login.token,
    );
    expect(months.data.dossierMetrics.length).toBeGreaterThanOrEqual(4);
    expect(lines.find((l) => l.msg === 'demo history seeded')).toBeDefined();

    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(await ready.json()).toMatchObject({ status: 'ready', database: { state: 'ok' } });
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const postgresPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(isAlive(postgresPid)).toBe(true);

    const exitCode = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exitCode).toBe(0);
    expect(lines.at(-1)?.msg).toBe('stopped');
    expect(existsSync(pidFile)).toBe(false);
    expect(isAlive(postgresPid)).toBe(false);
  }, 120_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
