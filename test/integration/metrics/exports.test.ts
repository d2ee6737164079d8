import request from 'supertest';
import { apiSuite } from '../../support/flows';
import { itWithChromium } from '../../support/chromium';
import { pdfText } from '../../support/pdf';
import { FIXTURE_PROCEDURE } from '../../support/seed-fixtures';

/** The tracking book and the metrics tables, downloaded as CSV and PDF. */
describe('exports', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const download = (path: string, token?: string) => {
    const call = request(suite.api.server.app).get(path);
    return (token ? call.set('authorization', `Bearer ${token}`) : call)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  };
  const csv = async (path: string, token: string) => {
    const response = await download(path, token);
    expect([response.status, response.headers['content-type']]).toEqual([
      200,
      'text/csv; charset=utf-8',
    ]);
    return (response.body as Buffer).toString('utf8');
  };

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('motcua', ['reception'], 'xa-a');
    tokens.civil = await suite.api.officer('hotich', ['civil_status'], 'xa-a');
    tokens.leader = await suite.api.officer('chutich', ['leader'], 'xa-a');
    tokens.other = await suite.api.officer('chutich.b', ['leader'], 'xa-b');
    await suite.f.deploy(FIXTURE_PROCEDURE);
    for (const name of ['Hoàng Thị Mai', '=HYPERLINK("http://x","bấm")']) {
      await suite.api.ok(
        `mutation ($name: String!) { receiveDossier(input: { procedureKey: "fixture-certificate", applicant: { name: $name, idNumber: "001090000006", phone: "0912000111" }, components: [{ name: "Tờ khai", kind: ORIGINAL, digitized: true }] }) { code } }`,
        { name },
        tokens.reception,
      );
    }
    clock.now = new Date('2026-03-03T01:00:00Z');
  });

  it('downloads the tracking book as CSV that Excel reads, and no name runs as a formula', async () => {
    const text = await csv('/exports/tracking-book?from=2026-03-01&to=2026-03-31', tokens.leader);
    const lines = text.split('\r\n');
    expect(text.startsWith('\uFEFFSỔ THEO DÕI HỒ SƠ\r\n')).toBe(true);
    expect(lines[1]).toBe('UBND xa-a — Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(lines[2]).toBe(
      'STT,Mã hồ sơ,Tên thủ tục hành chính,Số lượng giấy tờ,Người nộp,Địa chỉ,Số điện thoại,Tiếp nhận,Hẹn trả,Trả kết quả,Ghi chú',
    );
    expect(lines[3]).toMatch(
      /^1,xa-a-260302-0001,fixture-certificate,1,Hoàng Thị Mai,,0912000111,/,
    );
    expect(lines[4]).toContain(`,"'=HYPERLINK(""http://x"",""bấm"")",`);
  });

  it('downloads the figures grouped as asked', async () => {
    const text = await csv(
      '/exports/dossier-metrics?from=2026-03-01&to=2026-03-31&groupBy=AGENCY',
      tokens.leader,
    );
    const [, , header, row] = text.split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['Cơ quan', 'Tiếp nhận', 'Giải quyết trước hạn']);
    expect(row.split(',').slice(0, 2)).toEqual(['xa-a', '2']);
  });

  itWithChromium('prints the 766 index as a PDF that says it', async () => {
    const pdf = await download(
      '/exports/service-index?from=2026-03-01&to=2026-03-31&format=pdf',
      tokens.leader,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const page = pdfText(pdf.body as Buffer).pages.join(' ');
    expect(page).toContain('BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP');
    expect(page).toContain('Số hóa thành phần hồ sơ');
  });

  it('refuses what the same GraphQL query would refuse, and input it cannot read', async () => {
    expect((await download('/exports/tracking-book?from=2026-03-01&to=2026-03-31')).status).toBe(
      401,
    );
    const other = await download(
      '/exports/dossier-metrics?from=2026-03-01&to=2026-03-31&agencyCodes=xa-a',
      tokens.other,
    );
    expect(other.status).toBe(403);
    const badDate = await download(
      '/exports/dossier-metrics?from=2026-02-31&to=2026-03-31',
      tokens.leader,
    );
    expect(badDate.status).toBe(400);
    expect(JSON.parse(badDate.body.toString()).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect(
      (await download('/exports/everything?from=2026-03-01&to=2026-03-31', tokens.leader)).status,
    ).toBe(404);
    expect(
      (
        await download(
          '/exports/step-metrics?from=2026-03-01&to=2026-03-31&processDefinitionKey=fixture-certificate',
          tokens.civil,
        )
      ).status,
    ).toBe(403);
  });
});
