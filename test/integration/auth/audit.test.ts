import { oneStepProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

/** The audit log's row of a mutation commits with the change it records. */
describe('audit rows', () => {
  const suite = apiSuite();
  const db = () => suite.api.database.dataSource;
  /** The transaction that wrote each audit row of `action`, in the order written, with its outcome. */
  const auditOf = async (action: string) =>
    (await db().query(
      `SELECT xmin::text AS tx, outcome FROM audit_event WHERE action = $1 ORDER BY xmin::text::bigint`,
      [action],
    )) as { tx: string; outcome: string }[];

  beforeAll(async () => {
    await suite.f.deploy(
      oneStepProcess('audited', '<bpmn:userTask id="check" camunda:candidateGroups="reception" />'),
    );
  });

  it('is written by the transaction that made the change, refusals by their own', async () => {
    const id = await suite.f.start('audited');
    const [started] = (await db().query(
      `SELECT xmin::text AS tx FROM history_event WHERE instance_id = $1 AND event_type = 'PROCESS_STARTED'`,
      [id],
    )) as { tx: string }[];
    expect(await auditOf('startProcess')).toEqual([{ tx: started.tx, outcome: 'OK' }]);

    const [{ id: taskId }] = (await db().query(`SELECT id FROM task WHERE instance_id = $1`, [
      id,
    ])) as { id: string }[];
    const complete = `mutation ($id: ID!) { completeTask(id: $id) { state } }`;
    await suite.api.ok(complete, { id: taskId });
    const [completed] = (await db().query(`SELECT xmin::text AS tx FROM task WHERE id = $1`, [
      taskId,
    ])) as { tx: string }[];
    // Done again, it is refused: nothing is written but its own row.
    const { errors } = await suite.api.graphql(complete, { id: taskId });
    expect(errors?.[0].extensions?.code).toBe('TASK_NOT_OPEN');
    const rows = await auditOf('completeTask');
    expect(rows).toEqual([
      { tx: completed.tx, outcome: 'OK' },
      { tx: expect.any(String), outcome: 'TASK_NOT_OPEN' },
    ]);
    expect(rows[1].tx).not.toBe(completed.tx);
  });
});
