import { randomUUID } from 'node:crypto';
import { claimTask, completeTask } from '../../../src/commands/tasks';
import { startInstance } from '../../../src/commands/start-process';
import type { Variables } from '../../../src/engine/types';
import { checkConsistency } from '../../../src/store/consistency';
import { definitionById } from '../../../src/store/definitions';
import * as moves from '../../../src/store/migrate-instance';
import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { receiveBirthRegistration } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/** How many instances of the shipped procedure run when the new version comes. */
const INSTANCES = 2000;
const KEY = 'birth-registration';

/**
 * Version 2 of the shipped birth registration, as a designer would change it: the check renamed
 * (Task_Verify) with a two-day budget, the reception given a one-day budget, the signature
 * removed (the result goes straight back), and an archiving step added before the end.
 */
function changedVersion(): string {
  const v1 = readProjectFile('processes/civil-status/birth-registration.bpmn');
  const v2 = v1
    .replaceAll('Task_Check', 'Task_Verify')
    .replace('name="Thẩm định hồ sơ">', 'name="Xác minh hồ sơ" tthc:stepDuration="2 working days">')
    .replace('name="Tiếp nhận hồ sơ">', 'name="Tiếp nhận hồ sơ" tthc:stepDuration="1 working day">')
    .replace(/<bpmn:userTask id="Task_Sign"[\s\S]*?<\/bpmn:userTask>/, '')
    .replace(/<bpmn:flowNodeRef>Task_Sign<\/bpmn:flowNodeRef>/, '')
    .replace(/<bpmn:sequenceFlow id="Flow_Signed"[^>]*\/>/, '')
    .replace('targetRef="Task_Sign"', 'targetRef="Task_ReturnResult"')
    .replace(
      '<bpmn:incoming>Flow_Signed</bpmn:incoming>',
      '<bpmn:incoming>Flow_Complete</bpmn:incoming>',
    )
    .replace(
      '<bpmn:sequenceFlow id="Flow_Returned" sourceRef="Task_ReturnResult" targetRef="EndEvent_Returned" />',
      `<bpmn:sequenceFlow id="Flow_Returned" sourceRef="Task_ReturnResult" targetRef="Task_Archive" />
       <bpmn:userTask id="Task_Archive" name="Lưu trữ hồ sơ" camunda:candidateGroups="reception" />
       <bpmn:sequenceFlow id="Flow_Archived" sourceRef="Task_Archive" targetRef="EndEvent_Returned" />`,
    )
    .replace(/<bpmndi:BPMNShape[^>]*bpmnElement="Task_Sign"[\s\S]*?<\/bpmndi:BPMNShape>/, '')
    .replace(/<bpmndi:BPMNEdge[^>]*bpmnElement="Flow_Signed"[\s\S]*?<\/bpmndi:BPMNEdge>/, '');
  if (v2.includes('Task_Sign')) throw new Error('the signature step is still in version 2');
  return v2;
}

/** Runs `work` over `items`, a few at a time (the store's commands, as officers would). */
async function inTurn<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

const PREVIEW = `query ($mapping: [ElementMappingInput!]) {
  migrationPreview(key: "${KEY}", fromVersion: 1, toVersion: 2, mapping: $mapping) {
    instances movable refusedCount
    byElement { fromElementId toElementId instances }
    refused { instanceId businessKey refusals { code elementId message } } } }`;

const MIGRATE = `mutation ($mapping: [ElementMappingInput!], $from: Int!, $to: Int!, $reason: String!) {
  migrateInstances(key: "${KEY}", fromVersion: $from, toVersion: $to, mapping: $mapping, reason: $reason, batchSize: 100) {
    migrated skipped refusedCount refused { instanceId refusals { code elementId } } } }`;

const DOSSIER = `query ($code: String!) { dossier(code: $code) {
  statusCode appointmentAt processInstance { id definition { version } openTasks { id elementId } } } }`;

const MAPPING = [{ from: 'Task_Check', to: 'Task_Verify' }];

describe('migrating the running instances of a shipped procedure to a changed version', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    suite.api.database.dataSource.query(sql, params) as Promise<T[]>;
  let dossierCode: string;
  let dossierBefore: { statusCode: string; appointmentAt: string };
  let before: { id: string; due_at: Date | null }[];
  let tasksBefore: {
    id: string;
    instance_id: string;
    assignee: string | null;
    element_id: string;
  }[];

  beforeAll(async () => {
    tokens.designer = await suite.api.officer('le.thietke', ['designer']);
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.admin = await suite.api.officer('quan.tri', ['admin']);
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    const { store } = suite.api.database;
    const now = clock.now;
    const ids: string[] = [];
    await inTurn([...Array(INSTANCES).keys()], async (n) => {
      ids.push(
        (await startInstance(store, { key: KEY, businessKey: `MIG-${n}`, variables: {}, now })).id,
      );
    });
    ids.sort();
    // Spread over the steps: ½ at reception, ¼ at the check (some claimed), ⅛ at the signature,
    // ⅛ at the return.
    const openTask = async (id: string) =>
      (
        await query<{ id: string }>(
          `SELECT id FROM task WHERE instance_id = $1 AND state = 'OPEN'`,
          [id],
        )
      )[0].id;
    const work = async (id: string, variables: Variables = {}) =>
      completeTask(store, { taskId: await openTask(id), variables, now });
    const pastReception = ids.slice(INSTANCES / 2);
    await inTurn(pastReception, (id) => work(id));
    const pastCheck = pastReception.slice(INSTANCES / 4);
    await inTurn(pastCheck, (id) => work(id, { complete: true }));
    await inTurn(pastCheck.slice(INSTANCES / 8), (id) => work(id));
    const atCheck = pastReception.slice(0, 20);
    await inTurn(atCheck, async (id) =>
      claimTask(store, { taskId: await openTask(id), assignee: 'tran.hotich', now }),
    );
    dossierCode = await receiveBirthRegistration(suite.api, tokens.reception);
    dossierBefore = (await suite.api.ok(DOSSIER, { code: dossierCode }, tokens.reception)).dossier;
    await suite.f.deploy(changedVersion());
    // A day later the migration comes: the budgets count from when each step began, not from now.
    clock.now = new Date('2026-03-03T03:00:00Z');
    before = await query(`SELECT id, due_at FROM process_instance ORDER BY id`);
    tasksBefore = await query(
      `SELECT id, instance_id, assignee, element_id FROM task WHERE state IN ('OPEN', 'CLAIMED') ORDER BY id`,
    );
  }, 600_000);

  it('refuses a mistaken plan, naming the element or field, and changes nothing', async () => {
    const snapshot = await snapshotDatabase(suite.api.database.dataSource);
    const refused = async (variables: object, token = tokens.designer) => {
      const { errors } = await suite.api.graphql(
        MIGRATE,
        { from: 1, to: 2, mapping: MAPPING, reason: 'Phiên bản mới', ...variables },
        token,
      );
      return errors?.map((e) => [
        e.extensions?.code,
        e.extensions?.elementId ?? e.extensions?.field,
      ]);
    };
    // A mistaken id is named, with its line of the mapping and which side of it.
    const line = async (mapping: object[]) => {
      const { errors } = await suite.api.graphql(
        MIGRATE,
        { from: 1, to: 2, mapping, reason: 'Phiên bản mới' },
        tokens.designer,
      );
      return errors?.map((e) => [e.extensions?.code, e.extensions?.elementId, e.extensions?.field]);
    };
    expect(await line([{ from: 'Task_Nowhere', to: 'Task_Verify' }])).toEqual([
      ['ELEMENT_NOT_FOUND', 'Task_Nowhere', 'mapping[0].from'],
    ]);
    expect(await line([...MAPPING, { from: 'Task_Sign', to: 'Task_Gone' }])).toEqual([
      ['ELEMENT_NOT_FOUND', 'Task_Gone', `mapping[${MAPPING.length}].to`],
    ]);
    expect(
      await refused({ mapping: [...MAPPING, { from: 'Task_Check', to: 'Task_ReturnResult' }] }),
    ).toEqual([['BAD_USER_INPUT', 'Task_Check']]);
    expect(await refused({ to: 1 })).toEqual([['BAD_USER_INPUT', 'toVersion']]);
    expect(await refused({ to: 7 })).toEqual([['NOT_FOUND', 'toVersion']]);
    expect(await refused({ reason: ' ' })).toEqual([['BAD_USER_INPUT', 'reason']]);
    expect(await refused({}, tokens.reception)).toEqual([['FORBIDDEN', 'migrateInstances']]);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(snapshot);
  });

  it('dry run: counts where each waiting step goes and lists the instances waiting at the removed signature', async () => {
    const snapshot = await snapshotDatabase(suite.api.database.dataSource);
    const { migrationPreview } = await suite.api.ok(PREVIEW, { mapping: MAPPING }, tokens.designer);
    expect(migrationPreview).toMatchObject({
      instances: INSTANCES + 1,
      movable: INSTANCES + 1 - INSTANCES / 8,
      refusedCount: INSTANCES / 8,
      byElement: [
        { fromElementId: 'Task_Check', toElementId: 'Task_Verify', instances: INSTANCES / 4 },
        {
          fromElementId: 'Task_Receive',
          toElementId: 'Task_Receive',
          instances: INSTANCES / 2 + 1,
        },
        {
          fromElementId: 'Task_ReturnResult',
          toElementId: 'Task_ReturnResult',
          instances: INSTANCES / 8,
        },
      ],
    });
    expect(migrationPreview.refused).toHaveLength(INSTANCES / 8);
    expect(migrationPreview.refused[0].refusals).toEqual([
      {
        code: 'ELEMENT_REMOVED',
        elementId: 'Task_Sign',
        message: expect.stringContaining('Task_Sign'),
      },
    ]);
    // Without the mapping, the check is refused too.
    const unmapped = (await suite.api.ok(PREVIEW, {}, tokens.admin)).migrationPreview;
    expect(unmapped.refusedCount).toBe(INSTANCES / 8 + INSTANCES / 4);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(snapshot);
  });

  it('moves every instance it can, keeping tasks and holders, and recounting the step budgets', async () => {
    const reason = 'Bỏ bước ký duyệt theo quy trình mới';
    const { migrateInstances } = await suite.api.ok(
      MIGRATE,
      { from: 1, to: 2, mapping: MAPPING, reason },
      tokens.designer,
    );
    expect(migrateInstances).toMatchObject({
      migrated: INSTANCES + 1 - INSTANCES / 8,
      skipped: 0,
      refusedCount: INSTANCES / 8,
    });
    const versions = await query<{ version: number; at: string; n: number }>(
      `SELECT d.version, coalesce(k->>'elementId', '') AS at, count(*)::int AS n
         FROM process_instance i JOIN process_definition d ON d.id = i.definition_id,
              jsonb_array_elements(i.state->'tokens') k
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(versions).toEqual([
      { version: 1, at: 'Task_Sign', n: INSTANCES / 8 },
      { version: 2, at: 'Task_Receive', n: INSTANCES / 2 + 1 },
      { version: 2, at: 'Task_ReturnResult', n: INSTANCES / 8 },
      { version: 2, at: 'Task_Verify', n: INSTANCES / 4 },
    ]);
    // The same task rows, the same holders; the check's now named as the target's.
    const tasksAfter = await query<{
      id: string;
      assignee: string | null;
      element_id: string;
      name: string;
    }>(
      `SELECT id, instance_id, assignee, element_id, name FROM task WHERE state IN ('OPEN', 'CLAIMED') ORDER BY id`,
    );
    expect(tasksAfter.map((t) => [t.id, t.assignee])).toEqual(
      tasksBefore.map((t) => [t.id, t.assignee]),
    );
    expect(tasksAfter.filter((t) => t.assignee === 'tran.hotich')).toEqual(
      Array(20).fill(
        expect.objectContaining({ element_id: 'Task_Verify', name: 'Xác minh hồ sơ' }),
      ),
    );
    // Budgets counted from the step's start (Monday 09:00), each with its deadline timer.
    const budgets = await query<{ element_id: string; due: string; n: number; timed: number }>(
      `SELECT t.element_id, t.due_at::text AS due, count(*)::int AS n,
              count(j.id)::int AS timed
         FROM task t LEFT JOIN job j ON j.instance_id = t.instance_id AND j.kind = 'timer'
              AND j.element_id = t.element_id AND j.due_at = t.due_at
        WHERE t.state IN ('OPEN', 'CLAIMED') AND t.element_id IN ('Task_Receive', 'Task_Verify')
        GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(budgets).toEqual([
      {
        element_id: 'Task_Receive',
        due: '2026-03-03 02:00:00+00',
        n: INSTANCES / 2 + 1,
        timed: INSTANCES / 2 + 1,
      },
      {
        element_id: 'Task_Verify',
        due: '2026-03-04 02:00:00+00',
        n: INSTANCES / 4,
        timed: INSTANCES / 4,
      },
    ]);
    // The appointments are untouched.
    expect(await query(`SELECT id, due_at FROM process_instance ORDER BY id`)).toEqual(before);
    // Each migrated instance says so in its history; the audit log has the mutation.
    const [history] = await query<{ n: number; actors: string[]; reasons: string[] }>(
      `SELECT count(*)::int AS n, array_agg(DISTINCT actor) AS actors, array_agg(DISTINCT reason) AS reasons
         FROM history_event WHERE event_type = 'INSTANCE_MIGRATED'`,
    );
    expect(history).toEqual({
      n: INSTANCES + 1 - INSTANCES / 8,
      actors: ['le.thietke'],
      reasons: [`${KEY} v1 → v2: ${reason}`],
    });
    const { auditLog } = await suite.api.ok(
      `{ auditLog(filter: { action: "migrateInstances" }) { actor target reason outcome } }`,
      {},
      tokens.admin,
    );
    expect(auditLog).toContainEqual({ actor: 'le.thietke', target: KEY, reason, outcome: 'OK' });
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  }, 600_000);

  it('leaves the dossier its appointment and status, and a migrated dossier runs to its end', async () => {
    const { dossier } = await suite.api.ok(DOSSIER, { code: dossierCode }, tokens.reception);
    expect(dossier.processInstance.definition.version).toBe(2);
    expect([dossier.statusCode, dossier.appointmentAt]).toEqual([
      dossierBefore.statusCode,
      dossierBefore.appointmentAt,
    ]);
    expect(
      dossier.processInstance.openTasks.map((t: { elementId: string }) => t.elementId),
    ).toEqual(['Task_Receive']);
    const [row] = await query<{ due_at: Date }>(
      `SELECT due_at FROM process_instance WHERE id = $1`,
      [dossier.processInstance.id],
    );
    expect(row.due_at).toEqual(before.find((b) => b.id === dossier.processInstance.id)?.due_at);
    const id = dossier.processInstance.id;
    await suite.f.complete(id, 'Task_Receive');
    await suite.f.complete(id, 'Task_Verify', { complete: true });
    await suite.f.complete(id, 'Task_ReturnResult');
    expect(await suite.f.waitingAt(id)).toEqual(['Task_Archive']);
    await suite.f.complete(id, 'Task_Archive');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  });

  it('run again, moves none twice and lists the same refusals', async () => {
    const { migrateInstances } = await suite.api.ok(
      MIGRATE,
      { from: 1, to: 2, mapping: MAPPING, reason: 'Lần hai' },
      tokens.admin,
    );
    expect(migrateInstances).toMatchObject({ migrated: 0, refusedCount: INSTANCES / 8 });
  });
});

describe('migrating instances one by one, whatever happens to each', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    suite.api.database.dataSource.query(sql, params) as Promise<T[]>;
  const step = (extra = '') => `<bpmn:startEvent id="s" />
    <bpmn:userTask id="work" camunda:candidateGroups="reception" />
    ${extra}
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="work" />
    <bpmn:sequenceFlow id="f1" sourceRef="work" targetRef="e" />`;
  /** Version 2 adds a reminder whose correlation key needs the applicant's code. */
  const nudge = `<bpmn:boundaryEvent id="nudge" attachedToRef="work" cancelActivity="false">
      <bpmn:messageEventDefinition messageRef="m" />
    </bpmn:boundaryEvent>
    <bpmn:endEvent id="nudged" />
    <bpmn:sequenceFlow id="f2" sourceRef="nudge" targetRef="nudged" />`;
  const message = '<bpmn:message id="m" name="nudge" tthc:correlationKey="=applicant.code" />';
  const MOVE = `mutation ($reason: String!, $batchSize: Int) {
    migrateInstances(key: "small", fromVersion: 1, toVersion: 2, reason: $reason, batchSize: $batchSize) {
      migrated skipped refusedCount refused { instanceId refusals { code elementId } } } }`;
  const DRY = `{ migrationPreview(key: "small", fromVersion: 1, toVersion: 2) {
    movable refusedCount refused { instanceId refusals { code elementId } } } }`;
  let designer: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    designer = await suite.api.officer('le.thietke', ['designer']);
    await suite.f.deploy(bpmnProcess('small', step()));
    ids.coded = await suite.f.start('small', 'S-1', { applicant: { code: 'A1' } });
    ids.uncoded = await suite.f.start('small', 'S-2', {});
    ids.ending = await suite.f.start('small', 'S-3', { applicant: { code: 'A3' } });
    await suite.f.deploy(bpmnProcess('small', step(nudge), '', message));
  });

  it('refuses a reason the history could not hold, or a batch size out of range, changing nothing', async () => {
    const snapshot = await snapshotDatabase(suite.api.database.dataSource);
    const refused = async (variables: object) =>
      (await suite.api.graphql(MOVE, { reason: 'r', ...variables }, designer)).errors?.map((e) => [
        e.extensions?.code,
        e.extensions?.field,
      ]);
    expect(await refused({ reason: 'x'.repeat(500) })).toEqual([['BAD_USER_INPUT', 'reason']]);
    expect(await refused({ batchSize: 0 })).toEqual([['BAD_USER_INPUT', 'batchSize']]);
    expect(await refused({ batchSize: 201 })).toEqual([['BAD_USER_INPUT', 'batchSize']]);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(snapshot);
  });

  it('lists an instance whose target wait fails as refused, in the dry run as in the move', async () => {
    const failed = [
      { instanceId: ids.uncoded, refusals: [{ code: 'EXPRESSION_FAILED', elementId: 'nudge' }] },
    ];
    const { migrationPreview } = await suite.api.ok(DRY, {}, designer);
    expect(migrationPreview).toEqual({ movable: 2, refusedCount: 1, refused: failed });
    // The instance that ends between the page read and its lock is skipped.
    const original = moves.runningInstancesOf;
    const spy = jest.spyOn(moves, 'runningInstancesOf').mockImplementationOnce(async (...args) => {
      const page = await original(...args);
      await suite.f.complete(ids.ending, 'work');
      return page;
    });
    const { migrateInstances } = await suite.api.ok(MOVE, { reason: 'r', batchSize: 10 }, designer);
    spy.mockRestore();
    expect(migrateInstances).toEqual({ migrated: 1, skipped: 1, refusedCount: 1, refused: failed });
    const versions = await query<{ id: string; version: number; status: string }>(
      `SELECT i.id, d.version, i.status FROM process_instance i
         JOIN process_definition d ON d.id = i.definition_id WHERE d.key = 'small'`,
    );
    expect(new Map(versions.map((v) => [v.id, [v.version, v.status]]))).toEqual(
      new Map([
        [ids.coded, [2, 'ACTIVE']],
        [ids.uncoded, [1, 'ACTIVE']],
        [ids.ending, [1, 'COMPLETED']],
      ]),
    );
  });

  it("re-points a waiting service task's job and its open incident to the target's type", async () => {
    const service = (id: string, type: string) => `<bpmn:startEvent id="s" />
      <bpmn:serviceTask id="${id}" tthc:jobType="${type}" />
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="${id}" />
      <bpmn:sequenceFlow id="f1" sourceRef="${id}" targetRef="e" />`;
    await suite.f.deploy(bpmnProcess('jobbed', service('lookup', 'tax-lookup')));
    const id = await suite.f.start('jobbed', 'J-1', {});
    const [job] = await query<{ id: string }>(`SELECT id FROM job WHERE instance_id = $1`, [id]);
    await query(
      `INSERT INTO incident (id, job_id, instance_id, element_id, job_type, message, status, created_at)
       VALUES ($1, $2, $3, 'lookup', 'tax-lookup', 'down', 'OPEN', now())`,
      [randomUUID(), job.id, id],
    );
    await suite.f.deploy(bpmnProcess('jobbed', service('lookup2', 'tax-lookup-v2')));
    const { migrateInstances } = await suite.api.ok(
      `mutation { migrateInstances(key: "jobbed", fromVersion: 1, toVersion: 2, reason: "r",
         mapping: [{ from: "lookup", to: "lookup2" }]) { migrated } }`,
      {},
      designer,
    );
    expect(migrateInstances).toEqual({ migrated: 1 });
    expect(
      await query(`SELECT id, type, element_id FROM job WHERE instance_id = $1`, [id]),
    ).toEqual([{ id: job.id, type: 'tax-lookup-v2', element_id: 'lookup2' }]);
    expect(
      await query(`SELECT job_type, element_id FROM incident WHERE instance_id = $1`, [id]),
    ).toEqual([{ job_type: 'tax-lookup-v2', element_id: 'lookup2' }]);
  });

  it('lists an instance whose move the database refuses as MOVE_FAILED, and moves the others', async () => {
    await suite.f.deploy(bpmnProcess('guarded', step()));
    const started = [];
    for (const n of [1, 2, 3]) started.push(await suite.f.start('guarded', `G-${n}`, {}));
    await suite.f.deploy(bpmnProcess('guarded', step(), 'name="Guarded"'));
    const [v1] = await query<{ id: string }>(
      `SELECT id FROM process_definition WHERE key = 'guarded' AND version = 1`,
    );
    // A real constraint of the database, not a mock: the middle instance may not leave version 1.
    const stuck = [...started].sort()[1];
    await query(
      `ALTER TABLE process_instance ADD CONSTRAINT test_stays_on_v1
         CHECK (id <> '${stuck}'::uuid OR definition_id = '${v1.id}'::uuid)`,
    );
    const before = await query(`SELECT * FROM process_instance WHERE id = $1`, [stuck]);
    let report: unknown;
    try {
      ({ migrateInstances: report } = await suite.api.ok(
        `mutation { migrateInstances(key: "guarded", fromVersion: 1, toVersion: 2, reason: "r",
           batchSize: 1) {
           migrated skipped refusedCount refused { instanceId refusals { code elementId message } } } }`,
        {},
        designer,
      ));
    } finally {
      await query(`ALTER TABLE process_instance DROP CONSTRAINT test_stays_on_v1`);
    }
    const message =
      'The move failed and the instance stays on its version; the server log says why';
    expect(report).toEqual({
      migrated: 2,
      skipped: 0,
      refusedCount: 1,
      refused: [
        { instanceId: stuck, refusals: [{ code: 'MOVE_FAILED', elementId: 'guarded', message }] },
      ],
    });
    // The refused one is as it was: its transaction rolled back whole.
    expect(await query(`SELECT * FROM process_instance WHERE id = $1`, [stuck])).toEqual(before);
    expect(
      await query(
        `SELECT count(*)::int AS n FROM history_event
          WHERE instance_id = $1 AND event_type = 'INSTANCE_MIGRATED'`,
        [stuck],
      ),
    ).toEqual([{ n: 0 }]);
  });

  it("counts a renamed wait's changed timer from its entry, after a second migration renames it again", async () => {
    // A changed duration counts again from when the wait began (an unchanged one keeps its time).
    const timer = (id: string, days: number) => `<bpmn:startEvent id="s" />
      <bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition>
        <bpmn:timeDuration>P${days}D</bpmn:timeDuration></bpmn:timerEventDefinition>
      </bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="${id}" />
      <bpmn:sequenceFlow id="f1" sourceRef="${id}" targetRef="e" />`;
    const started = clock.now;
    await suite.f.deploy(bpmnProcess('renamed', timer('hold', 10)));
    const id = await suite.f.start('renamed', 'R-1', {});
    const due = async () =>
      (
        await query<{ due: Date }>(`SELECT due_at AS due FROM job WHERE instance_id = $1`, [id])
      ).map((row) => [row.due.toISOString()]);
    const after = (days: number) => [
      [new Date(started.getTime() + days * 86_400_000).toISOString()],
    ];
    expect(await due()).toEqual(after(10));
    const move = async (from: number, mapping: string) => {
      clock.now = new Date(clock.now.getTime() + 2 * 86_400_000);
      const { migrateInstances } = await suite.api.ok(
        `mutation { migrateInstances(key: "renamed", fromVersion: ${from}, toVersion: ${from + 1},
           reason: "r", mapping: [${mapping}]) { migrated } }`,
        {},
        designer,
      );
      expect(migrateInstances).toEqual({ migrated: 1 });
    };
    try {
      await suite.f.deploy(bpmnProcess('renamed', timer('hold2', 11)));
      await move(1, '{ from: "hold", to: "hold2" }');
      expect(await due()).toEqual(after(11));
      // The history knows only 'hold'; the second move still counts from the entry, not from now.
      await suite.f.deploy(bpmnProcess('renamed', timer('hold3', 12)));
      await move(2, '{ from: "hold2", to: "hold3" }');
      expect(await due()).toEqual(after(12));
    } finally {
      clock.now = started;
    }
  });

  it('skips an instance that is gone by the time it is locked', async () => {
    const [source, target] = await query<{ id: string }>(
      `SELECT id FROM process_definition WHERE key = 'small' ORDER BY version`,
    );
    const { store } = suite.api.database;
    const move = {
      source: await definitionById(store, source.id),
      target: await definitionById(store, target.id),
      mapping: {},
      actor: 'le.thietke',
      reason: 'r',
      now: clock.now,
    };
    expect(await moves.migrateInstance(store, randomUUID(), move)).toEqual({ outcome: 'SKIPPED' });
    // Moved already (after the dry run), it is skipped too.
    expect(await moves.migrateInstance(store, ids.coded, move)).toEqual({ outcome: 'SKIPPED' });
  });
});
