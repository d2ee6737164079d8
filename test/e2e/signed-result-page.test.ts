import { describeWithChromium, screenshot } from '../support/chromium';
import { receiveBirthRegistration, workTask } from '../support/dossiers';
import { readProjectFile } from '../support/models';
import { pagesSuite } from '../support/pages';
import { certificatesDir, makeAuthority } from '../support/signing';

const PASSPHRASE = 'mat-khau-chung-thu';
const authority = makeAuthority('CA Thử Nghiệm');
const { dir, trustedCaFile } = certificatesDir(
  authority,
  { 'nguyen.chutich': { commonName: 'Nguyễn Văn Chủ Tịch' } },
  PASSPHRASE,
);

/**
 * The result the leader signed, on the officers' dossier page and on the citizen's look-up: who
 * signed, when, and that the signature verifies; the signed PDF downloads from both.
 */
describeWithChromium('a signed result on the pages', () => {
  // Wednesday 4 March 2026, 10:00 in Hanoi.
  const clock = { now: new Date('2026-03-04T03:00:00Z') };
  const pages = pagesSuite(clock, {
    signing: { certificatesDir: dir, passphrase: PASSPHRASE, trustedCaFile },
  });
  const { suite } = pages;
  let code = '';

  beforeAll(async () => {
    const tokens = await pages.seedOfficers([
      ['le.tiepnhan', 'reception'],
      ['tran.hotich', 'civil_status'],
      ['nguyen.chutich', 'leader'],
    ]);
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    code = await receiveBirthRegistration(suite.api, tokens.reception);
    const work = (elementId: string, token: string, variables = {}) =>
      workTask(suite.api, { code, elementId, token, reader: tokens.reception, variables });
    await work('Task_Receive', tokens.reception);
    await work('Task_Check', tokens.civil_status, { complete: true });
    await work('Task_Sign', tokens.leader);
  });

  it('shows the citizen who signed the result and when, valid, with its PDF', async () => {
    const page = await pages.browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${pages.base}/lookup?code=${code}`);
    await page.fill('input[name=phoneLast4]', '5678');
    await page.tap('button[type=submit]');
    const signed = page.locator('#result .signed-result');
    await signed.waitFor();
    const text = await signed.innerText();
    expect(text).toContain('Kết quả điện tử có chữ ký số');
    expect(text).toContain('Nguyễn Văn Chủ Tịch');
    expect(text).toContain('10:00, 04/03/2026');
    expect(text).toContain('Chữ ký số hợp lệ');
    const link = signed.locator('a', { hasText: 'Tải kết quả (PDF đã ký)' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/results/${encodeURIComponent(code)}/signed.pdf?phoneLast4=5678`);
    const response = await fetch(`${pages.base}${href}`);
    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'application/pdf',
    ]);
    await screenshot(page, 'lookup-phone-signed');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });

  it("shows the officer the signed result on the dossier's page, and downloads it", async () => {
    const reception = await pages.signIn('/inbox', 'le.tiepnhan', '#tasks:not([hidden])');
    await reception.goto(`${pages.base}/inbox#${code}`);
    const signed = reception.locator('#dossier .signed-result');
    await signed.waitFor();
    const text = await signed.innerText();
    expect(text).toContain('Nguyễn Văn Chủ Tịch');
    expect(text).toContain('10:00, 04/03/2026');
    expect(text).toContain('Chữ ký số hợp lệ');
    const [popup] = await Promise.all([
      reception.waitForEvent('popup'),
      signed.locator('button', { hasText: 'Tải kết quả (PDF đã ký)' }).click(),
    ]);
    expect(popup.url()).toMatch(/^blob:/);
    await screenshot(reception, 'inbox-dossier-signed');
  });
});
