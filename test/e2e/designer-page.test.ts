import type { Page } from 'playwright-core';
import { describeWithChromium, screenshot } from '../support/chromium';
import { readProjectFile } from '../support/models';
import { seedOfficer } from '../support/officers';
import { PAGE_PASSWORD, pagesSuite } from '../support/pages';

/** A designer changes a step's role in the modeler, sees it linted, and deploys a version. */
describeWithChromium('the designer', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;

  beforeAll(async () => {
    for (const [username, role] of [
      ['thiet.ke', 'designer'],
      ['le.tiepnhan', 'reception'],
    ]) {
      await seedOfficer(suite.api.database.dataSource, {
        username,
        roles: [role],
        agencyCode: 'xa-a',
        password: PAGE_PASSWORD,
        now: clock.now,
      });
    }
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
  });

  const openDesigner = async (username: string): Promise<Page> => {
    const page = await pages.signIn('/designer', username, 'button[data-key=birth-registration]', {
      width: 1400,
      height: 900,
    });
    await page.click('button[data-key=birth-registration]');
    await page.locator('.djs-element[data-element-id=Task_Check]').waitFor();
    return page;
  };
  const input = (page: Page, property: string) =>
    page.locator(`#properties input[name="${property}"]`);
  const set = async (page: Page, property: string, value: string) => {
    await input(page, property).fill(value);
    await input(page, property).press('Tab');
  };

  it('edits a role, marks a problem on the diagram while it lasts, and deploys version 2', async () => {
    const page = await openDesigner('thiet.ke');
    await page.click('.djs-element[data-element-id=Task_Check]');
    // The step takes its role from its lane until it has one of its own.
    expect(await input(page, 'tthc:role').inputValue()).toBe('');
    expect(await input(page, 'tthc:role').getAttribute('placeholder')).toBe('civil_status');
    // A budget the engine cannot read is an error: marked on the step, and no deployment.
    await set(page, 'tthc:stepDuration', 'ba ngày');
    await page.locator('.djs-element[data-element-id=Task_Check].lint-error').waitFor();
    expect(await page.locator('#deploy').isDisabled()).toBe(true);
    // In Vietnamese for the designer, by the rule that found it.
    expect(await page.locator('#problems li.error').first().innerText()).toBe(
      'Thời hạn của «Task_Check» chưa đúng (ví dụ «3 working days» hoặc «PT4H»).',
    );
    await screenshot(page, 'designer-problem-marked');
    await set(page, 'tthc:stepDuration', '4 working hours');
    await page
      .locator('.djs-element[data-element-id=Task_Check].lint-error')
      .waitFor({ state: 'detached' });
    await set(page, 'tthc:role', 'land');
    await page.locator('#deploy:not([disabled])').waitFor();
    await page.click('#deploy');
    await page.locator('#opened', { hasText: 'v2' }).waitFor();
    expect(await page.locator('#changes li[data-change=CHANGED]').innerText()).toContain(
      'Thẩm định hồ sơ',
    );
    await screenshot(page, 'designer-deployed');
    const { processDefinitions } = await suite.api.ok<{
      processDefinitions: { version: number; bpmnXml: string }[];
    }>(`{ processDefinitions(key: "birth-registration") { version bpmnXml } }`);
    expect(processDefinitions[0].version).toBe(2);
    expect(processDefinitions[0].bpmnXml).toMatch(/id="Task_Check"[^>]*tthc:role="land"/);
    expect(await page.locator('#versions button').allInnerTexts()).toEqual(['v2', 'v1']);
    // The budget is written into the file as well.
    expect(processDefinitions[0].bpmnXml).toMatch(/tthc:stepDuration="4 working hours"/);
    await page.close();
  });

  it('lets only designers deploy', async () => {
    const page = await openDesigner('le.tiepnhan');
    await page.click('#deploy');
    await page.locator('#error').waitFor();
    expect(await page.locator('#error').innerText()).toContain('không có quyền');
    await page.close();
  });

  it('offers in the change-type menu only what the engine runs', async () => {
    const page = await openDesigner('thiet.ke');
    await page.click('.djs-element[data-element-id=Task_Check]');
    await page.click('.djs-context-pad .entry[data-action="replace"]');
    const entries = page.locator('.djs-popup [data-id]');
    await entries.first().waitFor();
    const ids = await entries.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
    expect(ids).toEqual(
      expect.arrayContaining([
        'replace-with-task',
        'replace-with-script-task',
        'replace-with-rule-task',
        'replace-with-manual-task',
      ]),
    );
    expect(ids.filter((id) => /transaction|ad-hoc/.test(id ?? ''))).toEqual([]);
    await page.close();
  });

  it('fits a 1400-pixel window, resizes its properties panel, and keeps unsaved edits across a reload', async () => {
    const page = await openDesigner('thiet.ke');
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = page.locator('#properties');
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1400);
    // Wider from the keyboard (the mouse drags its edge), and remembered.
    await panel.focus();
    await page.keyboard.press('ArrowLeft');
    expect((await panel.boundingBox())!.width).toBeGreaterThan(box.width);

    await page.click('.djs-element[data-element-id=Task_Check]');
    const deployed = await input(page, 'tthc:role').inputValue();
    await set(page, 'tthc:role', 'office');
    await page.locator('#draft:not([hidden])').waitFor();
    await page.reload();
    await page.click('button[data-key=birth-registration]');
    await page.locator('#draft:not([hidden])').waitFor();
    await page.click('.djs-element[data-element-id=Task_Check]');
    expect(await input(page, 'tthc:role').inputValue()).toBe('office');
    // Thrown away, the deployed version shows again.
    await page.locator('#draft button').click();
    await page.locator('#draft[hidden]').waitFor({ state: 'attached' });
    await page.click('.djs-element[data-element-id=Task_Check]');
    expect(await input(page, 'tthc:role').inputValue()).toBe(deployed);
    await screenshot(page, 'designer', { docs: true });
    await page.close();
  });
});
