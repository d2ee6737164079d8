import { queryTasks } from '../../../src/store/task-query';
import { actorParameters, inboxKeysOf, taskReach, type Actor } from '../../../src/store/task-reach';
import { createTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The inbox finds an officer's open tasks by their keys (a GIN index); who a task is offered to
 * is stated once, in taskReach. The two must find the same tasks, for every kind of task and
 * officer — including tasks whose agency changes after they were created (a hand-on).
 */
describe('inbox keys', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const query = (sql: string, parameters: unknown[] = []) =>
      database.dataSource.query(sql, parameters);
    await query(
      `INSERT INTO deployment (id, bpmn_xml, content_hash, deployed_at)
       VALUES ('00000000-0000-0000-0000-000000000001', '<x/>', repeat('0', 64), now())`,
    );
    await query(
      `INSERT INTO process_definition (id, key, version, deployment_id, model, deployed_at)
       VALUES ('00000000-0000-0000-0000-000000000002', 'p', 1,
               '00000000-0000-0000-0000-000000000001', '{}', now())`,
    );
    // Instances received at xa-a, at xa-b, and at no agency (started by a message).
    const instances: [string, string | null][] = [
      ['00000000-0000-0000-0000-0000000000a1', 'xa-a'],
      ['00000000-0000-0000-0000-0000000000b1', 'xa-b'],
      ['00000000-0000-0000-0000-0000000000c1', null],
    ];
    for (const [id, agency] of instances) {
      await query(
        `INSERT INTO process_instance (id, definition_id, status, state, started_at, revision, agency)
         VALUES ($1, '00000000-0000-0000-0000-000000000002', 'ACTIVE', '{}', now(), 1, $2)`,
        [id, agency],
      );
    }
    const kinds: [groups: string[], users: string[], agency: string | null][] = [
      [['land'], [], null],
      [['land', 'leader'], [], null],
      [[], ['tran.hotich'], null],
      [['civil_status'], ['tran.hotich'], null],
      [[], [], null],
      [['police'], [], 'cong-an-xa-a'],
      [['land'], [], 'xa-b'],
    ];
    let wait = 0;
    for (const [instance] of instances) {
      for (const [groups, users, agency] of kinds) {
        for (const [state, assignee] of [
          ['OPEN', null],
          ['CLAIMED', 'tran.hotich'],
          ['CLAIMED', 'le.dat'],
          ['COMPLETED', null],
        ]) {
          wait += 1;
          await query(
            `INSERT INTO task (id, instance_id, wait_id, element_id, candidate_groups,
                               candidate_users, agency, state, assignee, created_at)
             VALUES (gen_random_uuid(), $1, $2, 'step', $3, $4, $5, $6, $7, now())`,
            [instance, wait, groups, users, agency, state, assignee],
          );
        }
      }
    }
    // A step handed on after it was created: its keys follow its new agency.
    await query(`UPDATE task SET agency = 'xa-b' WHERE wait_id IN (1, 5) AND instance_id = $1`, [
      instances[0][0],
    ]);
    // Some overdue, of every kind: the sparse filter a page of the reach's arms must still meet.
    await query(`UPDATE task SET overdue = true WHERE wait_id % 3 = 0`);
  });
  afterAll(() => database.drop());

  const officers: Actor[] = [
    { username: 'le.dat', roles: ['land'], agencyCode: 'xa-a' },
    { username: 'le.dat2', roles: ['land'], agencyCode: 'xa-b' },
    { username: 'tran.hotich', roles: ['civil_status'], agencyCode: 'xa-a' },
    { username: 'nguyen.chutich', roles: ['leader', 'land'], agencyCode: 'xa-a' },
    { username: 'cong.an', roles: ['police'], agencyCode: 'cong-an-xa-a' },
    { username: 'nobody', roles: [], agencyCode: 'xa-c' },
  ];

  it.each(officers.map((officer) => [officer.username, officer]))(
    'finds exactly the open tasks taskReach offers to %s, and the ones they hold',
    async (_, officer) => {
      const ids = async (where: string, parameters: unknown[]) =>
        (
          (await database.dataSource.query(
            `SELECT t.id FROM task t JOIN process_instance i ON i.id = t.instance_id
              WHERE ${where} ORDER BY t.id`,
            parameters,
          )) as { id: string }[]
        ).map((row) => row.id);
      const byReach = await ids(
        `t.state IN ('OPEN', 'CLAIMED') AND ${taskReach(1).inbox}`,
        actorParameters(officer),
      );
      const byKeys = await ids(
        `((t.state = 'OPEN' AND t.inbox_keys && $2::text[])
          OR (t.state IN ('OPEN', 'CLAIMED') AND t.assignee = $1))`,
        [officer.username, inboxKeysOf(officer)],
      );
      expect(byKeys).toEqual(byReach);
      if (officer.username !== 'nobody') expect(byKeys.length).toBeGreaterThan(0);
    },
  );

  it("keeps each task's owner agency: its step's, else the receiving agency's, after a hand-on too", async () => {
    const wrong = await database.dataSource.query(
      `SELECT t.id FROM task t JOIN process_instance i ON i.id = t.instance_id
        WHERE t.owner_agency IS DISTINCT FROM COALESCE(t.agency, i.agency)`,
    );
    expect(wrong).toEqual([]);
  });

  it.each(
    officers.flatMap((officer) =>
      (['OPEN', 'CLAIMED'] as const).map((state) => [officer.username, state, officer] as const),
    ),
  )('lists for %s the %s tasks of their reach, by index as in full', async (_, state, officer) => {
    const rows = (await database.dataSource.query(
      `SELECT t.id FROM task t WHERE t.state = $4 AND ${taskReach(1).reachable} ORDER BY t.seq`,
      [...actorParameters(officer), state],
    )) as { id: string }[];
    const page = await queryTasks(
      database.store,
      { state, reachableBy: officer },
      { first: 500, withTotal: true },
    );
    expect(page.tasks.map((task) => task.id)).toEqual(rows.map((row) => row.id));
    expect(page.totalCount).toBe(rows.length);
  });

  it.each(
    officers.flatMap((officer) =>
      (['OPEN', 'CLAIMED'] as const).flatMap((state) =>
        [undefined, true].map((overdue) => [officer.username, state, overdue, officer] as const),
      ),
    ),
  )(
    'pages for %s through the %s tasks of their reach (overdue: %s) as the full reach orders them',
    async (_, state, overdue, officer) => {
      const rows = (await database.dataSource.query(
        `SELECT t.id FROM task t WHERE t.state = $4 AND ($5::boolean IS NULL OR t.overdue = $5)
            AND ${taskReach(1).reachable} ORDER BY t.seq`,
        [...actorParameters(officer), state, overdue ?? null],
      )) as { id: string }[];
      const walked: string[] = [];
      let afterSeq: string | undefined;
      for (let more = true; more;) {
        const page = await queryTasks(
          database.store,
          { state, overdue, reachableBy: officer },
          { first: 2, afterSeq, withTotal: false },
        );
        walked.push(...page.tasks.map((task) => task.id));
        afterSeq = page.tasks.at(-1)?.seq;
        more = page.hasNextPage;
      }
      expect(walked).toEqual(rows.map((row) => row.id));
    },
  );
});
