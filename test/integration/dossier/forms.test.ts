import request from 'supertest';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';
import { itWithChromium } from '../../support/chromium';
import { pdfText } from '../../support/pdf';

/** The printable forms of a dossier, in Vietnamese, with the QR code of its code. */
describe('forms', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  let code = '';
  /** The page, with the whitespace between tags and inside text runs folded. */
  const get = async (path: string, token?: string) => {
    const call = request(suite.api.server.app).get(path);
    const response = await (token ? call.set('authorization', `Bearer ${token}`) : call);
    return Object.assign(response, {
      text: response.text.replace(/>\s+</g, '><').replace(/\s+/g, ' '),
    });
  };

  beforeAll(async () => {
    await suite.api.ok(
      `mutation { createAgency(code: "xa-xuan-hoa", name: "UBND xã Xuân Hòa", kind: "commune", dossierPrefix: "000.00.06.H56") { code } }`,
    );
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception'], 'xa-xuan-hoa');
    tokens.elsewhere = await suite.api.officer('ho.tiepnhan', ['reception'], 'xa-tan-lap');
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: {
         procedureKey: "birth-registration", feeAmount: 8000,
         applicant: { name: "Nguyễn Thị <b>Bình</b>", idNumber: "001190012345", phone: "0912345678", address: "Thôn 3, xã Xuân Hòa" },
         components: [{ name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL }],
         requestMissing: true }) { code } }`,
      {},
      tokens.reception,
    );
    code = receiveDossier.code;
  });

  it('prints the receipt with the appointment, the papers and the QR code, escaping what was typed', async () => {
    const page = await get(`/forms/${code}/01`, tokens.reception);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.headers['cache-control']).toBe('no-store');
    const text = page.text;
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: <strong>${code}</strong>`);
    expect(text).toContain('UBND XÃ XUÂN HÒA');
    expect(text).toContain('Nguyễn Thị &lt;b&gt;Bình&lt;/b&gt;');
    expect(text).not.toContain('<b>Bình</b>');
    expect(text).toContain('<td>Tờ khai đăng ký khai sinh</td><td>Bản chính</td><td>1</td>');
    expect(text).toContain('Thời gian nhận hồ sơ: 09 giờ 00, ngày 02/03/2026');
    expect(text).toContain('Phí, lệ phí: 8.000 đồng');
    expect(text).toMatch(/<svg[^>]*viewBox/);
  });

  it('prints the supplement request with what is missing, and the control sheet', async () => {
    const request02 = await get(`/forms/${code}/02`, tokens.reception);
    expect(request02.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(request02.text).toContain(
      '<li>Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)</li>',
    );
    const sheet = await get(`/forms/${code}/06`, tokens.reception);
    expect(sheet.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(sheet.text).toContain('<td>Tiếp nhận hồ sơ');
    expect(sheet.text).toContain('Đang xử lý');
  });

  itWithChromium('prints the receipt as an A4 PDF that says what the page says', async () => {
    const response = await request(suite.api.server.app)
      .get(`/forms/${code}/01?format=pdf`)
      .set('authorization', `Bearer ${tokens.reception}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`inline; filename="${code}-01.pdf"`);
    const pdf = pdfText(response.body as Buffer);
    expect(pdf.title).toBe(`GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ — ${code}`);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(pdf.pages[0]).toContain(`Mã hồ sơ: ${code}`);
    expect(pdf.pages[0]).toContain('Nguyễn Thị <b>Bình</b>');
    expect(pdf.pages[0]).toContain('Tờ khai đăng ký khai sinh');
  });

  it('refuses a format it does not print, and PDFs to the same officers as the page', async () => {
    const odd = await get(`/forms/${code}/01?format=docx`, tokens.reception);
    expect(odd.status).toBe(400);
    expect(odd.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await get(`/forms/${code}/01?format=pdf`)).status).toBe(401);
    expect((await get(`/forms/${code}/01?format=pdf`, tokens.elsewhere)).status).toBe(403);
  });

  it('prints for the officers of the dossier only, and only forms that were issued', async () => {
    expect((await get(`/forms/${code}/01`)).status).toBe(401);
    const other = await get(`/forms/${code}/01`, tokens.elsewhere);
    expect(other.status).toBe(403);
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await get(`/forms/${code}/04`, tokens.reception)).status).toBe(404);
    expect((await get(`/forms/${code}/09`, tokens.reception)).status).toBe(404);
    expect((await get(`/forms/NO-SUCH-CODE/01`, tokens.reception)).status).toBe(404);
  });
});
