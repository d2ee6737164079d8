import { checkConsistency } from '../../../src/store/consistency';
import request from 'supertest';
import { workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const BIRTH_PAPERS = [
  { name: 'Tờ khai đăng ký khai sinh', kind: 'ORIGINAL' },
  { name: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)', kind: 'ORIGINAL' },
];
const FUNERAL_PAPERS = [
  { name: 'Tờ khai đề nghị hỗ trợ chi phí mai táng', kind: 'ORIGINAL' },
  { name: 'Bản sao giấy chứng tử', kind: 'CERTIFIED_COPY' },
];
const APPLICANT = { name: 'Nguyễn Thị Bình', idNumber: '001190012345', phone: '0912345678' };

const DOSSIER = `status statusCode outcome appointmentAt finishedAt returnedAt returnMethod late
  processInstance { status openTasks { elementId } history { eventType elementId } }`;

/**
 * When the office is judged: at the moment the result reaches the one-stop desk (the procedure's
 * `tthc:resultReady` step), not when the citizen collects it; and a procedure the law sets no
 * time for is counted apart, never as on time.
 */
describe('a dossier judged when its result reaches the desk', () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const at = (iso: string) => (clock.now = new Date(iso));
  const receive = async (procedureKey: string, components: object[], channel = 'IN_PERSON') =>
    (
      await suite.api.ok(
        `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }`,
        { input: { procedureKey, applicant: APPLICANT, components, channel } },
        tokens.reception,
      )
    ).receiveDossier.code as string;
  const dossier = async (code: string) =>
    (
      await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) { ${DOSSIER} } }`,
        { code },
        tokens.reception,
      )
    ).dossier;
  const work = (code: string, elementId: string, who: string, variables = {}) =>
    workTask(suite.api, {
      code,
      elementId,
      token: tokens[who],
      reader: tokens.reception,
      variables,
    });
  /** Reception, appraisal and signature: the result is then at the desk. */
  const resolve = async (code: string, appraiser: string, variables = {}) => {
    await work(code, 'Task_Receive', 'reception');
    await work(code, 'Task_Check', appraiser, variables);
    await work(code, 'Task_Sign', 'leader');
  };
  const returnResult = (code: string, method: string) =>
    suite.api.ok(
      `mutation ($code: String!, $method: ResultReturnMethod!) { returnResult(code: $code, method: $method) { ${DOSSIER} } }`,
      { code, method },
      tokens.reception,
    );
  let funeralWarnings: { message: string }[] = [];

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status']);
    tokens.social = await suite.api.officer('vu.xahoi', ['social_affairs']);
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader']);
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    funeralWarnings = (
      await suite.f.deploy(readProjectFile('processes/social-protection/funeral-support.bpmn'))
    ).warnings;
  });

  it('turns processed and on time when the signed result reaches the desk, and keeps it through a late collection', async () => {
    at('2026-03-02T02:00:00Z');
    const code = await receive('birth-registration', BIRTH_PAPERS);
    at('2026-03-02T04:00:00Z'); // 11:00: signed, the result is at the desk
    await resolve(code, 'civil', { complete: true });
    const ready = await dossier(code);
    expect(ready).toMatchObject({
      status: 'PROCESSED',
      statusCode: 9,
      outcome: 'ON_TIME',
      finishedAt: '2026-03-02T04:00:00.000Z',
      returnedAt: null,
      late: false,
      processInstance: { status: 'ACTIVE', openTasks: [{ elementId: 'Task_ReturnResult' }] },
    });
    expect(ready.processInstance.history).toContainEqual({
      eventType: 'RESULT_READY',
      elementId: 'Task_ReturnResult',
    });
    // Processed while its process waits for the return: consistent, not a stray process.
    expect((await checkConsistency(suite.api.database.store)).problems).toEqual([]);

    // The citizen comes on Thursday, three days after the appointment: the office was on time.
    at('2026-03-05T02:00:00Z');
    const { returnResult: returned } = await returnResult(code, 'AT_DESK');
    expect(returned).toMatchObject({
      status: 'RETURNED',
      statusCode: 10,
      outcome: 'ON_TIME',
      finishedAt: '2026-03-02T04:00:00.000Z',
      returnedAt: '2026-03-05T02:00:00.000Z',
      returnMethod: 'AT_DESK',
      late: false,
      processInstance: { status: 'COMPLETED', openTasks: [] },
    });

    // The control sheet (Form 06) shows both moments.
    const sheet = await request(suite.api.server.app)
      .get(`/forms/${code}/06`)
      .set('Authorization', `Bearer ${tokens.reception}`);
    expect(sheet.status).toBe(200);
    expect(sheet.text).toMatch(
      /Kết quả chuyển về Bộ phận Tiếp nhận và Trả kết quả:\s*11 giờ 00, ngày 02\/03\/2026 —\s*<strong>Đúng hạn<\/strong>/,
    );
    expect(sheet.text).toMatch(/Trả kết quả cho người nộp hồ sơ:\s*09 giờ 00, ngày 05\/03\/2026/);
  });

  it('is late when the result reaches the desk after the appointment, however soon it is collected', async () => {
    at('2026-03-03T02:00:00Z'); // Tuesday 09:00: due by 17:00
    const code = await receive('birth-registration', BIRTH_PAPERS);
    at('2026-03-04T02:00:00Z'); // signed Wednesday 09:00
    await resolve(code, 'civil', { complete: true });
    const { returnResult: returned } = await returnResult(code, 'BY_POST');
    expect(returned).toMatchObject({ outcome: 'LATE', late: true, returnMethod: 'BY_POST' });
  });

  it('gives a procedure with no statutory time no appointment, warns at deploy, and counts its dossiers apart', async () => {
    expect(funeralWarnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/tthc:statutoryDuration="none".*counted apart/),
    );
    at('2026-03-09T02:00:00Z'); // Monday 9 March
    const resolved = await receive('funeral-support', FUNERAL_PAPERS, 'AT_HOME');
    const open = await receive('funeral-support', FUNERAL_PAPERS);
    expect((await dossier(open)).appointmentAt).toBeNull();
    at('2026-03-20T02:00:00Z'); // eleven days later: no appointment to be late for
    await resolve(resolved, 'social');
    expect(await dossier(resolved)).toMatchObject({ statusCode: 9, outcome: 'UNTIMED' });
    await returnResult(resolved, 'AT_HOME');
    expect(await dossier(open)).toMatchObject({ statusCode: 2, outcome: null });

    const { dossierMetrics } = await suite.api.ok(
      `{ dossierMetrics(filter: { from: "2026-03-01", to: "2026-03-31" }, groupBy: [PROCEDURE]) {
          procedureKey received resolved resolvedEarly resolvedOnTime resolvedLate resolvedUntimed
          inProgress inProgressWithinTime inProgressOverdue inProgressUntimed onTime onTimeRate
          returnedAtDesk returnedByPost returnedAtHome returnedOnline resolvedSameDay sameDayShare
          homeRoundTrip } }`,
      {},
      tokens.leader,
    );
    expect(dossierMetrics).toEqual([
      {
        procedureKey: 'birth-registration',
        received: 2,
        resolved: 2,
        resolvedEarly: 0,
        resolvedOnTime: 1,
        resolvedLate: 1,
        resolvedUntimed: 0,
        inProgress: 0,
        inProgressWithinTime: 0,
        inProgressOverdue: 0,
        inProgressUntimed: 0,
        onTime: 1,
        onTimeRate: 0.5,
        returnedAtDesk: 1,
        returnedByPost: 1,
        returnedAtHome: 0,
        returnedOnline: 0,
        // The first was resolved the day it came, the second the day after.
        resolvedSameDay: 1,
        sameDayShare: 0.5,
        homeRoundTrip: 0,
      },
      {
        procedureKey: 'funeral-support',
        received: 2,
        resolved: 1,
        resolvedEarly: 0,
        resolvedOnTime: 0,
        resolvedLate: 0,
        resolvedUntimed: 1,
        inProgress: 1,
        inProgressWithinTime: 0,
        inProgressOverdue: 0,
        inProgressUntimed: 1,
        onTime: 0,
        // Nothing with an appointment to be on time for.
        onTimeRate: null,
        returnedAtDesk: 0,
        returnedByPost: 0,
        returnedAtHome: 1,
        returnedOnline: 0,
        resolvedSameDay: 0,
        sameDayShare: 0,
        homeRoundTrip: 1,
      },
    ]);

    // The 766 progress indicator counts the two birth registrations only.
    const { serviceIndex } = await suite.api.ok(
      `{ serviceIndex(from: "2026-03-01", to: "2026-03-31") { groups { indicators { id numerator denominator } } } }`,
      {},
      tokens.leader,
    );
    const indicators = serviceIndex.groups.flatMap((g: { indicators: object[] }) => g.indicators);
    expect(indicators).toContainEqual({ id: 'ON_TIME', numerator: 1, denominator: 2 });
  });
});
