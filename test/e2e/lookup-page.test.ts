import { describeWithChromium, screenshot } from '../support/chromium';
import { readEmvQr } from '../support/emv-qr';
import { readQrSvg } from '../support/read-qr';
import { pagesSuite } from '../support/pages';
import { FIXTURE_PROCEDURE } from '../support/seed-fixtures';

/** The citizen's look-up page, in a real Chromium the size of a phone. */
describeWithChromium('the look-up page', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  let code = '';

  beforeAll(async () => {
    const reception = await suite.api.officer('motcua', ['reception'], 'xa-a');
    await suite.f.deploy(FIXTURE_PROCEDURE);
    ({
      receiveDossier: { code },
    } = await suite.api.ok<{ receiveDossier: { code: string } }>(
      `mutation { receiveDossier(input: { procedureKey: "fixture-certificate", applicant: { name: "Vũ Văn F", idNumber: "001090000007", phone: "0987654321" }, components: [{ name: "Tờ khai", kind: ORIGINAL }] }) { code } }`,
      {},
      reception,
    ));
  });

  const phone = () =>
    pages.browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });

  it('shows a citizen the progress of their dossier in Vietnamese, then in English', async () => {
    const page = await phone();
    const failures: string[] = [];
    page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
    await page.goto(`${pages.base}/lookup?code=${code}`);
    expect(await page.locator('input[name=code]').inputValue()).toBe(code);
    await page.fill('input[name=phoneLast4]', '4321');
    await page.tap('button[type=submit]');
    const result = page.locator('#result');
    await result.waitFor();
    expect(await result.innerText()).toContain('Đã tiếp nhận');
    expect(await result.innerText()).toContain('Ngày hẹn trả kết quả');
    expect(await result.innerText()).toContain('05/03/2026');
    await screenshot(page, 'lookup-phone-vi', { docs: true });
    await page.tap('button.lang');
    expect(await page.locator('h1, header strong').first().innerText()).toBe('Look up a dossier');
    expect(await result.innerText()).toContain('Received');
    await screenshot(page, 'lookup-phone-en');
    // The page keeps within the phone's width.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('offers the fees still due as the VietQR code the API gives, once the commune set its account', async () => {
    const reception = await suite.api.officer('motcua', ['reception'], 'xa-a');
    const { receiveDossier } = await suite.api.ok<{ receiveDossier: { code: string } }>(
      `mutation { receiveDossier(input: { procedureKey: "fixture-certificate", feeAmount: 30000, applicant: { name: "Vũ Văn G", idNumber: "001090000008", phone: "0987654321" }, components: [{ name: "Tờ khai", kind: ORIGINAL }] }) { code } }`,
      {},
      reception,
    );
    await suite.api.ok(
      `mutation { setAgencyPayee(agencyCode: "xa-a", bankBin: "970436", account: "0881000458086", accountName: "UBND XA A") { code } }`,
    );
    const page = await phone();
    await page.goto(`${pages.base}/lookup?code=${receiveDossier.code}`);
    await page.fill('input[name=phoneLast4]', '4321');
    await page.tap('button[type=submit]');
    await page.locator('.vietqr svg').waitFor();
    expect(await page.locator('#result').innerText()).toContain('30.000 đồng');
    const read = await readQrSvg(pages.browser, await page.innerHTML('.vietqr'));
    expect(readEmvQr(read!)).toMatchObject({
      '38': { '01': { '00': '970436', '01': '0881000458086' } },
      '54': '30000',
      '62': { '08': receiveDossier.code },
    });
    await screenshot(page, 'lookup-phone-pay');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('lets the citizen stop the notifications they chose at the desk', async () => {
    const reception = await suite.api.officer('motcua', ['reception'], 'xa-a');
    const { receiveDossier } = await suite.api.ok<{ receiveDossier: { code: string } }>(
      `mutation { receiveDossier(input: { procedureKey: "fixture-certificate", notifyBy: SMS, applicant: { name: "Vũ Văn H", idNumber: "001090000009", phone: "0987654321" }, components: [{ name: "Tờ khai", kind: ORIGINAL }] }) { code } }`,
      {},
      reception,
    );
    const page = await phone();
    await page.goto(`${pages.base}/lookup?code=${receiveDossier.code}`);
    await page.fill('input[name=phoneLast4]', '4321');
    await page.tap('button[type=submit]');
    await page.locator('button.stop-notifications').tap();
    await page.getByRole('status').waitFor();
    expect(await page.locator('#result').innerText()).toContain('Đã ngừng gửi thông báo');
    const { dossier } = await suite.api.ok<{ dossier: { notifyBy: string | null } }>(
      `query ($code: String!) { dossier(code: $code) { notifyBy } }`,
      { code: receiveDossier.code },
      reception,
    );
    expect(dossier.notifyBy).toBeNull();
    await page.close();
  });

  it('answers a wrong phone like an unknown code, in Vietnamese, and sends nothing for bad input', async () => {
    const page = await phone();
    await page.goto(`${pages.base}/lookup`);
    await page.fill('input[name=code]', code);
    await page.fill('input[name=phoneLast4]', '12');
    let calls = 0;
    page.on('request', (request) => request.url().endsWith('/graphql') && calls++);
    await page.tap('button[type=submit]');
    expect(await page.locator('#error').innerText()).toBe(
      'Nhập mã hồ sơ và đúng 4 chữ số cuối của số điện thoại.',
    );
    expect(calls).toBe(0);
    await page.fill('input[name=phoneLast4]', '0000');
    await page.tap('button[type=submit]');
    await page.locator('#error', { hasText: 'Không tìm thấy' }).waitFor();
    expect(await page.locator('#error').innerText()).toBe(
      'Không tìm thấy hồ sơ theo mã và thông tin đã nhập.',
    );
    expect(await page.locator('#result').isHidden()).toBe(true);
    await screenshot(page, 'lookup-phone-not-found');
    await page.close();
  });

  it('serves the page with a policy that lets nothing foreign run', async () => {
    const response = await fetch(`${pages.base}/lookup`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
