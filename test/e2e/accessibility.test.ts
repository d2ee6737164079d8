import { receiveBirthRegistration } from '../support/dossiers';
import type { Page } from 'playwright-core';
import { accessibilityProblems } from '../support/accessibility';
import { describeWithChromium } from '../support/chromium';
import { readProjectFile } from '../support/models';
import { pagesSuite } from '../support/pages';

/** Every page, as its users see it, passes axe's WCAG 2.1 A and AA rules without a serious violation. */
describeWithChromium('accessibility of the pages', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  let code = '';

  beforeAll(async () => {
    const tokens = await pages.seedOfficers([
      ['le.tiepnhan', 'reception'],
      ['nguyen.chutich', 'leader'],
      ['thiet.ke', 'designer'],
    ]);
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    code = await receiveBirthRegistration(suite.api, tokens.reception);
  });

  const check = async (page: Page) => {
    const problems = await accessibilityProblems(page);
    await page.close();
    return problems;
  };

  it('the sign-in form', async () => {
    const page = await pages.browser.newPage();
    await page.goto(`${pages.base}/inbox`);
    await page.locator('input[name=username]').waitFor();
    expect(await check(page)).toEqual([]);
  });

  it('the inbox', async () => {
    const page = await pages.signIn('/inbox', 'le.tiepnhan', '#tasks:not([hidden])');
    expect(await check(page)).toEqual([]);
  });

  it('the dashboard', async () => {
    const page = await pages.signIn('/dashboard', 'nguyen.chutich', '#index tr.group');
    expect(await check(page)).toEqual([]);
  });

  it('the designer', async () => {
    const page = await pages.signIn(
      '/designer',
      'thiet.ke',
      'button[data-key=birth-registration]',
      {
        width: 1400,
        height: 900,
      },
    );
    await page.click('button[data-key=birth-registration]');
    await page.locator('.djs-element[data-element-id=Task_Check]').waitFor();
    expect(await check(page)).toEqual([]);
  });

  it.each([1280, 320])('the look-up page, %i pixels wide', async (width) => {
    const page = await pages.browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${pages.base}/lookup?code=${code}`);
    await page.fill('input[name=phoneLast4]', '5678');
    await page.click('button[type=submit]');
    await page.locator('#result').waitFor();
    // Nothing runs off a phone's screen: no horizontal scrolling.
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await check(page)).toEqual([]);
  });
});
