import { receiveBirthRegistration } from '../support/dossiers';
import type { Page } from 'playwright-core';
import { accessibilityProblems } from '../support/accessibility';
import { describeWithChromium, screenshot } from '../support/chromium';
import { readProjectFile } from '../support/models';
import { seedOfficer } from '../support/officers';
import { PAGE_PASSWORD, pagesSuite } from '../support/pages';

const NAMES = ['Nguyễn Thị Bình', 'Trần Văn Cường', 'Lê Thị Dung', 'Phạm Minh Đức', 'Hoàng Thu Hà'];

/** A desk officer's busy day: many dossiers, found, filtered, paged — by keyboard alone too. */
describeWithChromium('the inbox on a busy day', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  const codes: string[] = [];

  beforeAll(async () => {
    const token = await seedOfficer(suite.api.database.dataSource, {
      username: 'le.tiepnhan',
      roles: ['reception'],
      agencyCode: 'xa-xuan-hoa',
      password: PAGE_PASSWORD,
      now: clock.now,
    });
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    for (let i = 0; i < 23; i++) {
      const name = `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${i}` : ''}`;
      const idNumber = `00119001${String(i).padStart(4, '0')}`;
      codes.push(
        await receiveBirthRegistration(suite.api, token, { name, idNumber, phone: '0912345678' }),
      );
    }
  });

  const rows = (page: Page) => page.locator('#rows tr');
  /** Waits until the list shows `count` rows (at most ten seconds). */
  const showing = async (page: Page, count: number) => {
    for (let waited = 0; (await rows(page).count()) !== count; waited += 50) {
      if (waited > 10_000)
        throw new Error(`the list shows ${await rows(page).count()} rows, not ${count}`);
      await page.waitForTimeout(50);
    }
  };

  it('pages through a long list, and finds a dossier by its applicant or its code', async () => {
    const page = await pages.signIn('/inbox', 'le.tiepnhan', '#rows tr');
    expect(await page.locator('#counts').innerText()).toContain('Chờ nhận: 23');
    expect(await rows(page).count()).toBe(20);
    await page.click('#next');
    await showing(page, 3);
    expect(await page.locator('#page-number').innerText()).toBe('Trang 2');
    await page.click('#previous');
    await showing(page, 20);

    await page.fill('input[name=search]', 'Trần Văn Cường');
    await page.click('#filters button[type=submit]');
    await showing(page, 5);
    await page.fill('input[name=search]', 'Cường 11');
    await page.click('#filters button[type=submit]');
    await rows(page).filter({ hasText: codes[11] }).waitFor();
    await showing(page, 1);
    // The list is in the address: shared or reloaded, it shows the same.
    const shared = new URL(page.url());
    expect(shared.searchParams.get('search')).toBe('Cường 11');
    const again = await pages.signIn(`/inbox${shared.search}`, 'le.tiepnhan', '#rows tr');
    await showing(again, 1);
    expect(await again.locator('input[name=search]').inputValue()).toBe('Cường 11');
    await again.close();
    await page.fill('input[name=search]', codes[7].slice(-4));
    await page.press('input[name=search]', 'Enter');
    await rows(page).filter({ hasText: codes[7] }).waitFor();
    await showing(page, 1);
    await page.fill('input[name=search]', 'không có ai');
    await page.press('input[name=search]', 'Enter');
    await showing(page, 0);
    expect(await page.locator('#page-number').innerText()).toBe('Không có việc nào khớp.');
    await screenshot(page, 'inbox-search', { docs: true });
    await page.close();
  });

  it('works by keyboard alone: find, claim, complete, hand on, and the counts lead to their lists', async () => {
    const page = await pages.signIn('/inbox', 'le.tiepnhan', '#rows tr');
    await page.focus('input[name=search]');
    await page.keyboard.type(codes[3]);
    await page.keyboard.press('Enter');
    await showing(page, 1);
    // Tab from the search box to the step's first action: the claim.
    await tabTo(page, 'Nhận xử lý');
    await page.keyboard.press('Enter');
    await page.locator('#rows form.complete').waitFor();
    await tabTo(page, 'Hoàn thành');
    await page.keyboard.press('Enter');
    await showing(page, 0);
    // The counts are buttons: "Đang xử lý" lists what I hold, pressed again the whole inbox.
    await page.fill('input[name=search]', '');
    await page.press('input[name=search]', 'Enter');
    await showing(page, 20);
    await page
      .locator('#rows tr')
      .first()
      .locator('button', { hasText: 'Nhận xử lý' })
      .press('Enter');
    await page.locator('#counts button[data-count=claimedByMe]', { hasText: ': 1' }).waitFor();
    await page.locator('#counts button[data-count=claimedByMe]').press('Enter');
    await showing(page, 1);
    expect(
      await page.locator('#counts button[data-count=claimedByMe]').getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    // Hand it on to another agency: choose it, give the reason, send — all from the keyboard.
    await page.locator('#rows select[name=agency]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thuộc thẩm quyền xã khác');
    await page.keyboard.press('Enter');
    await showing(page, 0);
    await page.close();
  });
});

/** Presses Tab until the focused element is a button reading `text` (at most 30 times). */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement?.textContent ?? ""');
    if (focused === text) return;
  }
  throw new Error(`no button '${text}' within 30 tabs`);
}
