import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../../src/config';
import { checkConsistency } from '../../../src/store/consistency';
import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';
import { BIRTH_PAPERS } from '../../support/dossiers';

/**
 * The consistency checker finds what a crash, a bug or a hand-edited row leaves behind: each
 * kind of damage is done to a healthy store, found by its check, and undone.
 */
describe('the consistency checker', () => {
  const suite = apiSuite();
  const query = (sql: string, parameters: unknown[] = []) =>
    suite.api.database.dataSource.query(sql, parameters);
  const found = async () =>
    (await checkConsistency(suite.api.database.store)).problems.map((p) => p.check);
  let code: string;
  let instanceId: string;

  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    await suite.f.deploy(
      bpmnProcess(
        'timed',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="after" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
         <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="after" />`,
      ),
    );
    await suite.f.start('timed');
    const reception = await suite.api.officer('le.tiepnhan', ['reception']);
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: { procedureKey: "birth-registration",
         applicant: { name: "Nguyễn Thị Bình", idNumber: "001190012345" },
         components: ${BIRTH_PAPERS} }) {
         code processInstance { id } } }`,
      {},
      reception,
    );
    code = receiveDossier.code;
    instanceId = receiveDossier.processInstance.id;
  });

  it('finds nothing wrong in a healthy store, and says how much it read', async () => {
    const report = await checkConsistency(suite.api.database.store);
    expect(report).toEqual({ instancesChecked: 2, dossiersChecked: 1, problems: [] });
  });

  it.each([
    [
      'a lost task',
      'token-without-task',
      `UPDATE task SET state = 'CANCELED' WHERE instance_id = $1`,
      `UPDATE task SET state = 'OPEN' WHERE instance_id = $1`,
    ],
    [
      'a task whose instance ended',
      'task-without-token',
      `UPDATE process_instance SET status = 'TERMINATED' WHERE id = $1`,
      `UPDATE process_instance SET status = 'ACTIVE' WHERE id = $1`,
    ],
    [
      'a lost timer job',
      'timer-without-job',
      `CREATE TEMP TABLE kept_jobs AS SELECT * FROM job WHERE kind = 'timer' AND $1::uuid IS NOT NULL;
       DELETE FROM job WHERE kind = 'timer'`,
      `INSERT INTO job SELECT * FROM kept_jobs WHERE $1::uuid IS NOT NULL; DROP TABLE kept_jobs`,
    ],
    [
      'a dossier status its process contradicts',
      'dossier-status',
      `UPDATE dossier SET status_code = 9 WHERE instance_id = $1`,
      `UPDATE dossier SET status_code = 2 WHERE instance_id = $1`,
    ],
    [
      "a dossier's form whose dossier is gone",
      'dossier-record-orphan',
      `UPDATE dossier_form SET dossier_code = dossier_code || '-gone' WHERE $1::uuid IS NOT NULL`,
      `UPDATE dossier_form SET dossier_code = left(dossier_code, -5) WHERE $1::uuid IS NOT NULL`,
    ],
    [
      'a rollup row off by one',
      'dossier-rollup',
      `UPDATE dossier_rollup SET received = received + 1 WHERE grain = 'agency' AND span = 'day' AND $1::uuid IS NOT NULL`,
      `UPDATE dossier_rollup SET received = received - 1 WHERE grain = 'agency' AND span = 'day' AND $1::uuid IS NOT NULL`,
    ],
  ])('finds %s (%s)', async (_, check, damage, repair) => {
    const run = async (sql: string) => {
      for (const statement of sql.split(';').filter((s) => s.trim() !== '')) {
        await query(statement, statement.includes('$1') ? [instanceId] : []);
      }
    };
    await run(damage);
    try {
      expect(await found()).toContain(check);
    } finally {
      await run(repair);
    }
    expect(await found()).toEqual([]);
    expect(code).toMatch(/-\d{6}-0001$/);
  });

  it('answers administrators over GraphQL, and `npm run check:consistency` on the command line', async () => {
    const { consistencyReport } = await suite.api.ok(
      `{ consistencyReport { instancesChecked dossiersChecked problems { check subject detail } } }`,
    );
    expect(consistencyReport).toEqual({ instancesChecked: 2, dossiersChecked: 1, problems: [] });

    // The command the README gives, on this test's database: exit 0, then 1 once a task is lost.
    const cli = () =>
      promisify(execFile)(
        process.execPath,
        [path.join(PROJECT_ROOT, 'dist/src/cli/main.js'), 'check-consistency'],
        { env: { ...process.env, DATABASE_URL: suite.api.database.url, LOG_LEVEL: 'error' } },
      );
    expect((await cli()).stdout).toMatch(/2 instances and 1 dossiers checked: consistent/);
    await query(`UPDATE task SET state = 'CANCELED' WHERE instance_id = $1`, [instanceId]);
    try {
      const failed = await cli().then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stdout).toMatch(new RegExp(`token-without-task\t${instanceId}`));
    } finally {
      await query(`UPDATE task SET state = 'OPEN' WHERE instance_id = $1`, [instanceId]);
    }
  });
});
