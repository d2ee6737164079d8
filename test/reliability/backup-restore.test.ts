import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { completeTask } from '../../src/commands/tasks';
import { startInstance } from '../../src/commands/start-process';
import { checkConsistency } from '../../src/store/consistency';
import { createDataSource } from '../../src/store/data-source';
import { deployBpmn } from '../../src/store/deploy';
import { restoreBaseBackup } from '../../src/store/restore-backup';
import { Store } from '../../src/store/store';
import { bpmnProcess } from '../support/bpmn';
import { cli } from '../support/cli';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

const FLOW = bpmnProcess(
  'backup-flow',
  `<bpmn:startEvent id="start" />
   <bpmn:userTask id="check" camunda:candidateGroups="reception" />
   <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
   <bpmn:endEvent id="end" />
   <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
   <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="sign" />
   <bpmn:sequenceFlow id="c" sourceRef="sign" targetRef="end" />`,
);

/**
 * A base backup taken while dossiers move (`tthc-engine backup`), restored to new servers: as it was when the backup
 * ended, and with the WAL archive to a chosen moment after it (point-in-time recovery). Each
 * restored database passes the consistency report and holds what was committed before its point,
 * and nothing after. PostgreSQL servers of the test's own, in folders of its own.
 */
describe('backup and restore', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tthc-backup-'));
  // PostgreSQL runs as another user when we are root: it must be able to enter the folder.
  chmodSync(root, 0o755);
  const folder = (name: string) => path.join(root, name);
  const running: { server: PostgresServer; dataSource: DataSource }[] = [];

  async function open(dataDir: string, archiveDir?: string) {
    const server = await startPostgresServer({ dataDir, database: 'province', archiveDir });
    const dataSource = createDataSource(server.url, { poolSize: 4 });
    await dataSource.initialize();
    running.push({ server, dataSource });
    return { server, dataSource };
  }

  afterAll(async () => {
    for (const { server, dataSource } of running) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await server.close().catch(() => undefined);
    }
    rmSync(root, { recursive: true, force: true });
  });

  /** Dossiers started and moved one step on, under `prefix`: the business keys committed. */
  async function work(dataSource: DataSource, prefix: string, count: number): Promise<string[]> {
    const store = Store.of(dataSource);
    const keys: string[] = [];
    for (let n = 0; n < count; n++) {
      const key = `${prefix}-${n}`;
      const instance = await startInstance(store, {
        key: 'backup-flow',
        businessKey: key,
        variables: {},
        now: new Date(),
      });
      const [{ id }] = await dataSource.query(
        `SELECT id FROM task WHERE instance_id = $1 AND state = 'OPEN'`,
        [instance.id],
      );
      await completeTask(store, { taskId: id, variables: {}, now: new Date() });
      keys.push(key);
    }
    return keys;
  }

  const keysIn = async (dataSource: DataSource) =>
    new Set(
      (
        (await dataSource.query(`SELECT business_key FROM process_instance`)) as {
          business_key: string;
        }[]
      ).map((row) => row.business_key),
    );

  /** Ends the current WAL segment and waits until the archive has it. */
  async function archiveNow(dataSource: DataSource): Promise<void> {
    const [{ wal }] = await dataSource.query(`SELECT pg_walfile_name(pg_switch_wal()) AS wal`);
    for (let tries = 0; tries < 200; tries++) {
      const [{ last }] = await dataSource.query(
        `SELECT last_archived_wal AS last FROM pg_stat_archiver`,
      );
      if (last && last >= wal) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`WAL segment ${wal} was not archived`);
  }

  it('restores the database as the backup ended, and as it was at a chosen moment after', async () => {
    const archive = folder('wal-archive');
    const source = await open(folder('source/postgres'), archive);
    await source.dataSource.runMigrations();
    await deployBpmn(Store.of(source.dataSource), FLOW, { now: new Date() });
    const before = await work(source.dataSource, 'BEFORE', 20);

    // The backup is taken while dossiers keep moving, by the command an operator runs.
    const during = work(source.dataSource, 'DURING', 20);
    const env = { DATA_DIR: folder('source'), EMBEDDED_PG_PORT: new URL(source.server.url).port };
    expect(await cli(['backup', folder('backup')], env)).toMatchObject({ code: 0 });
    await during;

    const until = await work(source.dataSource, 'UNTIL', 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [{ moment }] = await source.dataSource.query(`SELECT clock_timestamp() AS moment`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await work(source.dataSource, 'AFTER', 10);
    await archiveNow(source.dataSource);
    await source.dataSource.destroy();
    await source.server.stop();

    // As the backup ended: all before it, none of what came after.
    restoreBaseBackup({ backup: folder('backup'), dataDir: folder('restored') });
    const restored = await open(folder('restored'));
    const restoredKeys = await keysIn(restored.dataSource);
    for (const key of before) expect(restoredKeys).toContain(key);
    for (const key of [...until, ...after]) expect(restoredKeys).not.toContain(key);
    expect((await checkConsistency(Store.of(restored.dataSource))).problems).toEqual([]);

    // To a moment after it, through the WAL archive, by the command an operator runs.
    const restore = ['restore', folder('backup'), `--until=${new Date(moment).toISOString()}`];
    const restoreEnv = { DATA_DIR: folder('at-moment'), WAL_ARCHIVE_DIR: archive };
    expect(await cli(restore, restoreEnv)).toMatchObject({ code: 0 });
    const atMoment = await open(folder('at-moment/postgres'));
    const momentKeys = await keysIn(atMoment.dataSource);
    for (const key of [...before, ...until]) expect(momentKeys).toContain(key);
    for (const key of after) expect(momentKeys).not.toContain(key);
    expect((await checkConsistency(Store.of(atMoment.dataSource))).problems).toEqual([]);
    // Open for work again: it is a server of its own now.
    expect(await work(atMoment.dataSource, 'RESTORED', 1)).toEqual(['RESTORED-0']);
  }, 180_000);

  it('sends an external database to its own tools, and says how to use the commands', async () => {
    const env = { DATABASE_URL: 'postgres://somewhere/else' };
    const refused = await cli(['backup', folder('never')], env);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/pg_basebackup/) });
    const unclear = await cli(['restore', folder('backup'), '--until=yesterday'], {});
    expect(unclear).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Usage/) });
  });

  it('refuses what is not a backup, a folder that holds anything, a moment without the archive', () => {
    expect(() => restoreBaseBackup({ backup: folder('nowhere'), dataDir: folder('x') })).toThrow(
      /holds no base backup/,
    );
    mkdirSync(folder('fake-backup'));
    writeFileSync(path.join(folder('fake-backup'), 'backup_label'), '');
    mkdirSync(folder('taken'));
    writeFileSync(path.join(folder('taken'), 'PG_VERSION'), '18');
    expect(() =>
      restoreBaseBackup({ backup: folder('fake-backup'), dataDir: folder('taken') }),
    ).toThrow(/is not empty/);
    expect(() =>
      restoreBaseBackup({ backup: folder('fake-backup'), dataDir: folder('y'), until: new Date() }),
    ).toThrow(/needs the WAL archive/);
  });
});
