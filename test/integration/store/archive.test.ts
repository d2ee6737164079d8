import { archiveYears } from '../../../src/store/archive';
import { checkConsistency } from '../../../src/store/consistency';
import { snapshotDatabase } from '../../support/database';
import { oneStepProcess } from '../../support/bpmn';
import { workNextTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';

const LOOK_UP = `query ($code: String!) { dossierStatus(code: $code, phoneLast4: "5678") {
  code statusCode stepsDone { name } } }`;

/**
 * Past years move to the archive schema: their month partitions detached from the live tables,
 * their ended instances moved. The citizen's look-up and the tracking book still find them;
 * the live tables keep only the years since; the figures and the consistency report agree.
 */
describe('archiving past years', () => {
  const clock = { now: new Date('2025-03-03T02:00:00Z') };
  const suite = apiSuite(clock);
  let reception: string;
  const receive = async () =>
    (
      await suite.api.ok<{ receiveDossier: { code: string } }>(
        `mutation { receiveDossier(input: { procedureKey: "certify",
           applicant: { name: "Trần Văn An", idNumber: "001090000001", phone: "0912345678" },
           components: [{ name: "Bản chính", kind: ORIGINAL }] }) { code } }`,
        {},
        reception,
      )
    ).receiveDossier.code;
  const book = async (from: string, to: string) =>
    (
      await suite.api.ok<{ trackingBook: { code: string }[] }>(
        `query ($from: DateTime!, $to: DateTime!) { trackingBook(from: $from, to: $to) { code } }`,
        { from, to },
        reception,
      )
    ).trackingBook.map((line) => line.code);
  const archiveThrough = (year: number) => archiveYears(suite.api.database.store, year, clock.now);
  let done: string;
  let open: string;
  let current: string;

  beforeAll(async () => {
    await suite.f.deploy(
      oneStepProcess(
        'certify',
        '<bpmn:userTask id="sign" name="Ký chứng thực" camunda:candidateGroups="reception" />',
      ),
    );
    reception = await suite.api.officer('tiep.nhan', ['reception']);
    done = await receive();
    await workNextTask(suite.api, done, reception);
    open = await receive();
    clock.now = new Date('2026-01-12T02:00:00Z');
    current = await receive();
  });

  it('refuses while an instance begun in those years still runs, and changes nothing', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    await expect(archiveThrough(2025)).rejects.toThrow(new RegExp(`still run \\(${open}\\)`));
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('refuses a year that is not past', async () => {
    await expect(archiveThrough(2026)).rejects.toThrow(/Only past years/);
  });

  it('moves the year out of the live tables; the look-up and the tracking book still find it', async () => {
    await workNextTask(suite.api, open, reception);
    const bookBefore = await book('2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z');
    const report = await archiveThrough(2025);
    // The dossier resolved in 2026 moves with its year; its instance, ended in 2026, stays.
    expect(report).toMatchObject({ before: '2026-01-01', instances: 1, tasks: 1, incidents: 0 });
    expect(report.partitions).toEqual(
      expect.arrayContaining(['archive.dossier_y2025m03', 'archive.history_event_y2025m03']),
    );
    const query = (sql: string) => suite.api.database.dataSource.query(sql);
    expect(await query('SELECT code FROM dossier ORDER BY code')).toEqual([{ code: current }]);
    expect(await query('SELECT code FROM archive.dossier ORDER BY code')).toEqual(
      [done, open].sort().map((code) => ({ code })),
    );
    expect(
      await query("SELECT count(*)::int AS n FROM history_event WHERE at < '2026-01-01'"),
    ).toEqual([{ n: 0 }]);

    const lookUp = async (code: string) =>
      (await suite.api.graphql(LOOK_UP, { code }, null)).data?.dossierStatus;
    expect(await lookUp(done)).toEqual({
      code: done,
      statusCode: 9,
      stepsDone: [{ name: 'Ký chứng thực' }],
    });
    expect(await lookUp(open)).toEqual({
      code: open,
      statusCode: 9,
      stepsDone: [{ name: 'Ký chứng thực' }],
    });
    expect(await book('2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(bookBefore);
    expect(bookBefore).toEqual([done, open, current]);

    // The live year goes on: its dossier is worked, and every check still holds.
    await workNextTask(suite.api, current, reception);
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);
  });
});
