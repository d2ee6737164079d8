import { fireDueTimers } from '../../../src/jobs/timers';
import { workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/**
 * Reissue of a lost land certificate (1.012786): 10 working days plus 15 days of public posting,
 * with a supplement round trip. Both the posting and the wait for papers stop the clock; the
 * appointment moves by the working time they took.
 */
describe('land certificate reissue with a supplement round trip', () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  let code = '';
  const at = (iso: string) => (clock.now = new Date(iso));
  const dossier = async () =>
    (
      await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) { status statusCode appointmentAt late supplementRequests
           forms { number } processInstance { clockPausedAt openTasks { id elementId } } } }`,
        { code },
        tokens.reception,
      )
    ).dossier;
  const work = (elementId: string, who: string) =>
    workTask(suite.api, { code, elementId, token: tokens[who], reader: tokens.reception });

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.land = await suite.api.officer('pham.diachinh', ['land']);
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader']);
    await suite.f.deploy(readProjectFile('processes/land/land-certificate-reissue.bpmn'));
  });

  it('moves the appointment by the time spent waiting for papers and posting', async () => {
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: {
         procedureKey: "land-certificate-reissue",
         applicant: { name: "Phạm Văn Đông", idNumber: "001080004567", phone: "0987000111" },
         components: [
           { name: "Đơn đề nghị cấp lại Giấy chứng nhận", kind: ORIGINAL },
           { name: "Giấy xác nhận của Công an xã về việc mất giấy tờ", kind: ORIGINAL }
         ] }) { code appointmentAt } }`,
      {},
      tokens.reception,
    );
    code = receiveDossier.code;
    // Ten working days from Monday 2 March 09:00: Monday 16 March 09:00.
    expect(receiveDossier.appointmentAt).toBe('2026-03-16T02:00:00.000Z');
    await work('Task_Receive', 'reception');

    // Tuesday 09:00: the land officer asks for a paper; it comes on Thursday at 09:00.
    at('2026-03-03T02:00:00Z');
    await suite.api.ok(
      `mutation ($code: String!) { requestSupplement(code: $code, missing: ["Trích lục bản đồ địa chính"], reason: "Cần xác định ranh giới thửa đất") { status } }`,
      { code },
      tokens.land,
    );
    expect(await dossier()).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      statusCode: 5,
      processInstance: { clockPausedAt: '2026-03-03T02:00:00.000Z' },
    });
    // Nothing moves on without the papers.
    const check = (await dossier()).processInstance.openTasks[0];
    await suite.api.ok(
      `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      { id: check.id },
      tokens.land,
    );
    const early = await suite.api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: check.id },
      tokens.land,
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'DOSSIER_INVALID_STATE' });
    at('2026-03-05T02:00:00Z');
    await suite.api.ok(
      `mutation ($code: String!) { submitSupplement(code: $code, components: [{ name: "Trích lục bản đồ địa chính", kind: ORIGINAL }]) { status } }`,
      { code },
      tokens.reception,
    );
    // 900 working minutes paused (Tuesday 09:00 to Thursday 09:00 in office hours): the
    // appointment, Monday 16 March 09:00, moves past Monday's 360 and Tuesday's 450 minutes to
    // Wednesday 18 March 09:00.
    const afterPapers = await dossier();
    expect(afterPapers).toMatchObject({
      status: 'IN_PROGRESS',
      appointmentAt: '2026-03-18T02:00:00.000Z',
      supplementRequests: 1,
      late: false,
    });

    // The check is done on Friday; the certificate's loss is posted for 15 days.
    at('2026-03-06T02:00:00Z');
    await work('Task_Check', 'land');
    expect((await dossier()).processInstance.clockPausedAt).toBe('2026-03-06T02:00:00.000Z');
    at('2026-03-21T02:00:00Z');
    expect(await fireDueTimers(suite.api.database.store, clock.now)).toBeGreaterThan(0);
    const afterPosting = await dossier();
    expect(afterPosting.processInstance).toMatchObject({
      clockPausedAt: null,
      openTasks: [{ elementId: 'Task_Sign' }],
    });
    // Friday 6 March 09:00 to Saturday 21: 4,860 working minutes stood still (Friday's 360 and
    // two weeks of 2,250); from Wednesday 18 at 09:00 that is Wednesday 1 April at 17:00.
    expect(afterPosting.appointmentAt).toBe('2026-04-01T10:00:00.000Z');
    await work('Task_Sign', 'leader');
    await work('Task_ReturnResult', 'reception');
    expect(await dossier()).toMatchObject({ status: 'PROCESSED', late: false });
    expect((await dossier()).forms.map((f: { number: string }) => f.number)).toEqual(['01', '02']);
  });
});
