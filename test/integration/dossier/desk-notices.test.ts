import request from 'supertest';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const PERSON = { name: 'Trần Văn Cường', idNumber: '001085001234', address: 'Thôn 2, xã Xuân Hòa' };

/**
 * The forms as Circular 03/2025 lays them out: the desk's written answers to dossiers it does not
 * receive (Forms 02 and 03), the receipt saying how the result goes back (Form 01), and the
 * control sheet's head (Form 06).
 */
describe('the desk without a dossier, and the forms', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  /** The page, with whitespace folded. */
  const page = async (path: string, token = tokens.reception) => {
    const response = await request(suite.api.server.app)
      .get(path)
      .set('authorization', `Bearer ${token}`);
    return { status: response.status, text: response.text.replace(/\s+/g, ' ') };
  };
  const guide = (missing: string[], procedureKey = 'birth-registration') =>
    suite.api.graphql(
      `mutation ($input: DeskNoticeInput!, $missing: [String!]!) {
         guideApplicant(input: $input, missing: $missing) { id number procedureKey content issuedBy } }`,
      { input: { procedureKey, applicant: PERSON, reason: 'Hồ sơ chưa đủ giấy tờ' }, missing },
      tokens.reception,
    );
  const metrics = async () =>
    (
      await suite.api.ok(
        `{ dossierMetrics(filter: { from: "2026-03-01", to: "2026-03-31" }, groupBy: [PROCEDURE]) {
            procedureKey received guidedAtDesk refusedAtDesk } }`,
        {},
        tokens.leader,
      )
    ).dossierMetrics;

  beforeAll(async () => {
    await suite.api.ok(
      `mutation { createAgency(code: "xa-xuan-hoa", name: "UBND xã Xuân Hòa", kind: "commune", dossierPrefix: "000.00.06.H56") { code } }`,
    );
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception'], 'xa-xuan-hoa');
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader'], 'xa-xuan-hoa');
    tokens.elsewhere = await suite.api.officer('ho.tiepnhan', ['reception'], 'xa-tan-lap');
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    await suite.f.deploy(readProjectFile('processes/land/land-certificate-reissue.bpmn'));
  });

  it('guides an incomplete dossier in writing without receiving it, prints Form 02 and counts it apart', async () => {
    const { data, errors } = await guide(['Giấy chứng sinh', 'Bản chính CCCD của người đi khai']);
    expect(errors).toBeUndefined();
    expect(data?.guideApplicant).toMatchObject({
      number: '02',
      procedureKey: 'birth-registration',
      content: {
        reason: 'Hồ sơ chưa đủ giấy tờ',
        missing: ['Giấy chứng sinh', 'Bản chính CCCD của người đi khai'],
      },
      issuedBy: 'le.tiepnhan',
    });
    const form = await page(`/forms/desk/${data?.guideApplicant.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(form.text).toContain('Ông/bà: <strong>Trần Văn Cường</strong>');
    expect(form.text).toContain('<li>Giấy chứng sinh</li>');
    expect(form.text).not.toContain('Mã hồ sơ');
    // Another agency's officer does not see it.
    expect((await page(`/forms/desk/${data?.guideApplicant.id}`, tokens.elsewhere)).status).toBe(
      404,
    );
  });

  it('refuses at the desk with the reason (Form 03), and neither answer is a received dossier', async () => {
    const { data, errors } = await suite.api.graphql(
      `mutation ($input: DeskNoticeInput!) { refuseApplicant(input: $input) { id number content } }`,
      {
        input: {
          procedureKey: 'land-certificate-reissue',
          applicant: PERSON,
          reason: 'Thửa đất không thuộc địa bàn xã',
        },
      },
      tokens.reception,
    );
    expect(errors).toBeUndefined();
    expect(data?.refuseApplicant).toMatchObject({
      number: '03',
      content: { reason: 'Thửa đất không thuộc địa bàn xã' },
    });
    expect((await page(`/forms/desk/${data?.refuseApplicant.id}`)).text).toContain(
      'Không tiếp nhận giải quyết hồ sơ vì lý do: <strong>Thửa đất không thuộc địa bàn xã</strong>',
    );
    expect(await metrics()).toEqual([
      { procedureKey: 'birth-registration', received: 0, guidedAtDesk: 1, refusedAtDesk: 0 },
      { procedureKey: 'land-certificate-reissue', received: 0, guidedAtDesk: 0, refusedAtDesk: 1 },
    ]);
  });

  it('refuses guidance that names no paper, or a procedure it does not know, changing nothing', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    expect((await guide([' '])).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'missing',
    });
    expect(
      (await guide(['Giấy chứng sinh'], 'no-such-procedure')).errors?.[0].extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    const huge = await suite.api.graphql(
      `mutation ($input: DeskNoticeInput!) { refuseApplicant(input: $input) { id } }`,
      {
        input: {
          procedureKey: 'birth-registration',
          applicant: PERSON,
          reason: 'x'.repeat(10_000),
        },
      },
      tokens.reception,
    );
    expect(huge.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect((await guide(['y'.repeat(10_000)])).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'missing[0]',
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it("prints on the receipt how the result goes back, and heads the control sheet with the book's numbers and the agencies", async () => {
    const receive = async (resultDelivery: string) =>
      (
        await suite.api.ok(
          `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }`,
          {
            input: {
              procedureKey: 'birth-registration',
              applicant: PERSON,
              resultDelivery,
              components: [
                { name: 'Tờ khai đăng ký khai sinh', kind: 'ORIGINAL' },
                {
                  name: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)',
                  kind: 'ORIGINAL',
                },
              ],
            },
          },
          tokens.reception,
        )
      ).receiveDossier.code as string;
    const first = await receive('AT_DESK');
    const second = await receive('BY_POST');
    expect((await page(`/forms/${first}/01`)).text).toContain(
      'Nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả, UBND xã Xuân Hòa',
    );
    const receipt = (await page(`/forms/${second}/01`)).text;
    expect(receipt).toContain(
      'Nhận kết quả qua dịch vụ bưu chính công ích, tại địa chỉ: Thôn 2, xã Xuân Hòa',
    );
    expect(receipt).toContain('Thời gian giải quyết hồ sơ theo quy định: Trong ngày làm việc');
    const sheet = (await page(`/forms/${second}/06`)).text;
    expect(sheet).toContain('Quyển số: 2026 — Số thứ tự: 2');
    expect(sheet).toContain('Cơ quan chủ trì giải quyết: UBND xã Xuân Hòa');
    expect(sheet).toContain('Cơ quan phối hợp giải quyết: Không');
    expect(sheet).toContain('Thời gian hẹn trả kết quả: 17 giờ 00, ngày 02/03/2026');
    expect((await page(`/forms/${first}/06`)).text).toContain('Số thứ tự: 1');
  });
});
