import type { Page } from 'playwright-core';
import { describeWithChromium, screenshot } from '../support/chromium';
import { receiveBirthRegistration, workNextTask } from '../support/dossiers';
import { readProjectFile } from '../support/models';
import { pagesSuite } from '../support/pages';

/** Officers take a birth registration from their inboxes to its result, in a real Chromium. */
describeWithChromium('the officer inbox', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  let code = '';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    Object.assign(
      tokens,
      await pages.seedOfficers([
        ['le.tiepnhan', 'reception'],
        ['tran.hotich', 'civil_status'],
        ['nguyen.chutich', 'leader'],
      ]),
    );
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    code = await receiveBirthRegistration(suite.api, tokens.reception);
  });

  /** An officer signs in on a fresh page (a tab of their own). */
  const signIn = (username: string) => pages.signIn('/inbox', username, '#tasks:not([hidden])');
  /** Claims the step in the inbox, ticks what it asks, completes it. */
  const work = async (page: Page, elementId: string, tick: string[] = []) => {
    const row = page.locator(`tr[data-task=${elementId}]`);
    await row.locator('button', { hasText: 'Nhận xử lý' }).click();
    await row.locator('form.complete').waitFor();
    for (const name of tick) await row.locator(`input[name=${name}]`).check();
    await row.locator('button', { hasText: 'Hoàn thành' }).click();
    await row.waitFor({ state: 'detached' });
  };

  it('takes a dossier from reception to its returned result', async () => {
    const reception = await signIn('le.tiepnhan');
    expect(await reception.locator('#counts').innerText()).toContain('Chờ nhận: 1');
    await screenshot(reception, 'inbox-reception', { docs: true });
    await work(reception, 'Task_Receive');

    const civil = await signIn('tran.hotich');
    expect(await civil.locator('tr[data-task=Task_Check] td').nth(1).innerText()).toBe(code);
    const check = civil.locator('tr[data-task=Task_Check]');
    await check.locator('button', { hasText: 'Nhận xử lý' }).click();
    await check.locator('input[name=complete]').waitFor();
    expect(await check.locator('form.complete').innerText()).toContain(
      'Hồ sơ đủ điều kiện giải quyết',
    );
    await screenshot(civil, 'inbox-civil-status-form');
    await check.locator('input[name=complete]').check();
    await check.locator('button', { hasText: 'Hoàn thành' }).click();
    await check.waitFor({ state: 'detached' });

    const leader = await signIn('nguyen.chutich');
    await work(leader, 'Task_Sign');

    await reception.reload();
    await reception.locator('#tasks').waitFor();
    await work(reception, 'Task_ReturnResult');
    // The dossier page: processed; the result handed over from there.
    await reception.goto(`${pages.base}/inbox`);
    await reception.locator('#tasks').waitFor();
    expect(await reception.locator('#rows tr').count()).toBe(0);
  });

  it('shows the dossier with its papers and control sheet, prints its receipt, and hands over the result', async () => {
    const reception = await signIn('le.tiepnhan');
    // The inbox is empty now: the dossier opens by its code in the address.
    await reception.goto(`${pages.base}/inbox#${code}`);
    await reception.locator('#dossier h2').waitFor();
    const dossier = reception.locator('#dossier');
    expect(await dossier.innerText()).toContain('Đã xử lý xong');
    expect(await dossier.innerText()).toContain('Tờ khai đăng ký khai sinh (1)');
    expect(await dossier.locator('table.sheet tr').count()).toBe(5);
    expect(await dossier.locator('table.sheet').innerText()).toContain('tran.hotich');
    const [popup] = await Promise.all([
      reception.waitForEvent('popup'),
      dossier.locator('button', { hasText: 'In mẫu 01' }).click(),
    ]);
    expect(popup.url()).toMatch(/^blob:/);
    await dossier.locator('form.return select').selectOption('BY_POST');
    await dossier.locator('button', { hasText: 'Trả kết quả' }).click();
    // Returned: the page shows the dossier again, without the return form.
    await dossier.locator('form.return').waitFor({ state: 'detached' });
    await dossier.locator('text=Đã trả kết quả').first().waitFor();
    const { dossier: returned } = await suite.api.ok<{ dossier: { returnMethod: string } }>(
      `query ($code: String!) { dossier(code: $code) { returnMethod } }`,
      { code },
      tokens.reception,
    );
    expect(returned.returnMethod).toBe('BY_POST');
    await screenshot(reception, 'inbox-dossier-returned');
  });

  it('shows where a dossier is on its diagram, and asks the citizen for papers from its page', async () => {
    const { receiveDossier } = await suite.api.ok<{ receiveDossier: { code: string } }>(
      `mutation { receiveDossier(input: { procedureKey: "birth-registration",
         applicant: { name: "Phan Văn H", idNumber: "001090000009", phone: "0912000222" },
         components: [{ name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
                      { name: "Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)", kind: PHOTOCOPY }] }) { code } }`,
      {},
      tokens.reception,
    );
    const reception = await signIn('le.tiepnhan');
    await reception.goto(`${pages.base}/inbox#${receiveDossier.code}`);
    await reception
      .locator('#diagram .djs-element.current[data-element-id=Task_Receive]')
      .waitFor();
    await screenshot(reception, 'inbox-dossier-position', { docs: true });
    await reception.fill('form.supplement textarea[name=missing]', 'Bản chính Giấy chứng sinh');
    await reception.fill('form.supplement input[name=reason]', 'Bản chụp không rõ chữ');
    await reception.click('form.supplement button[type=submit]');
    await reception.locator('#dossier', { hasText: 'Yêu cầu bổ sung hồ sơ' }).first().waitFor();
    await reception.locator('#dossier button', { hasText: 'In mẫu 02' }).waitFor();
    expect(await reception.locator('form.supplement').count()).toBe(0);
    await reception.close();
  });

  it('lets a leader hand a step on to an officer, who finds it in hand', async () => {
    const { receiveDossier } = await suite.api.ok<{ receiveDossier: { code: string } }>(
      `mutation { receiveDossier(input: { procedureKey: "birth-registration",
         applicant: { name: "Đào Thị K", idNumber: "001190000010" },
         components: [{ name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
                      { name: "Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)", kind: ORIGINAL }] }) { code } }`,
      {},
      tokens.reception,
    );
    await workNextTask(suite.api, receiveDossier.code, tokens.reception);
    const leader = await signIn('nguyen.chutich');
    const row = leader.locator('#agency tr[data-task=Task_Check]', {
      hasText: receiveDossier.code,
    });
    await row.locator('input[name=assignee]').fill('tran.hotich');
    await row.locator('form.assign button').click();
    await leader
      .locator('#agency tr[data-task=Task_Check] td', { hasText: '(tran.hotich)' })
      .waitFor();
    const civil = await signIn('tran.hotich');
    const mine = civil.locator('tr[data-task=Task_Check]', { hasText: receiveDossier.code });
    await mine.locator('form.complete').waitFor();
    await mine.locator('button', { hasText: 'Trả lại' }).click();
    await mine.locator('button', { hasText: 'Nhận xử lý' }).waitFor();
    await leader.close();
    await civil.close();
  });

  it('refuses a wrong password in Vietnamese', async () => {
    const page = await pages.browser.newPage();
    await page.goto(`${pages.base}/inbox`);
    await page.fill('input[name=username]', 'le.tiepnhan');
    await page.fill('input[name=password]', 'sai-mat-khau');
    await page.click('#signin button[type=submit]');
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').innerText()).toMatch(/^Chưa đăng nhập|mật khẩu/);
    await page.close();
  });
});
