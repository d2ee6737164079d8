import { createTestDatabase, type TestDatabase } from '../../support/database';

/** The schema comes from migrations only; they must match the entities and undo cleanly. */
describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  const tables = async () =>
    (
      await database.dataSource.query(
        // A partition is part of its table, not a table of its own.
        `SELECT relname AS table_name FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
            AND NOT relispartition AND relname <> 'migrations' ORDER BY 1`,
      )
    ).map((row: { table_name: string }) => row.table_name);

  it('build exactly the schema the entities describe', async () => {
    await database.dataSource.runMigrations();
    expect(await tables()).toEqual([
      'absence',
      'agency',
      'audit_event',
      'auth_key',
      'calendar_table',
      'decision_definition',
      'deployment',
      'desk_notice',
      'dispatch',
      'dossier',
      'dossier_duration_rollup',
      'dossier_feedback',
      'dossier_form',
      'dossier_paper',
      'dossier_payment',
      'dossier_rollup',
      'dossier_sequence',
      'history_event',
      'incident',
      'job',
      'message_start',
      'message_subscription',
      'notification_template',
      'officer',
      'process_definition',
      'process_instance',
      'role_membership',
      'service_index_input',
      'signed_result',
      'step_rollup',
      'task',
      'task_form',
      'task_hand_on',
    ]);
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('index the open tasks by the keys of who they are offered to, and by candidate group', async () => {
    const indexes = (await database.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE tablename = 'task' AND indexdef LIKE '%USING gin%' ORDER BY indexname`,
    )) as { indexname: string; indexdef: string }[];
    // Only open (and held) tasks: a completed step adds no GIN entries.
    expect(indexes).toEqual([
      {
        indexname: 'task_candidate_groups',
        indexdef: expect.stringMatching(/USING gin \(candidate_groups\) WHERE .*OPEN.*CLAIMED/),
      },
      {
        indexname: 'task_inbox',
        indexdef: expect.stringMatching(/USING gin \(inbox_keys\) WHERE .*OPEN/),
      },
    ]);
  });

  it('undo every step', async () => {
    for (const _ of database.dataSource.migrations) await database.dataSource.undoLastMigration();
    expect(await tables()).toEqual([]);
  });
});
