import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { describeWithChromium, launchChromium, screenshot } from '../support/chromium';
import { workNextTask } from '../support/dossiers';
import { apiSuite } from '../support/flows';
import { seedOfficer } from '../support/officers';
import { FIXTURE_PROCEDURE } from '../support/seed-fixtures';

/** A leader's dashboard: the 766 index, the on-time trend, the slowest steps. */
describeWithChromium('the dashboard', () => {
  const clock = { now: new Date('2026-01-05T01:00:00Z') };
  const suite = apiSuite(clock);
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    const dataSource = suite.api.database.dataSource;
    const seed = (username: string, role: string) =>
      seedOfficer(dataSource, {
        username,
        roles: [role],
        agencyCode: 'xa-a',
        password: 'mat-khau-thu-2026',
        now: clock.now,
      });
    const reception = await seed('motcua', 'reception');
    const civil = await seed('hotich', 'civil_status');
    await seed('chutich', 'leader');
    await suite.f.deploy(FIXTURE_PROCEDURE);
    // January: two dossiers, both early; February: one early, one late.
    const receive = async (at: string) => {
      clock.now = new Date(at);
      return (
        await suite.api.ok<{ receiveDossier: { code: string } }>(
          `mutation { receiveDossier(input: { procedureKey: "fixture-certificate", applicant: { name: "Lý Văn G", idNumber: "001090000008" }, components: [{ name: "Tờ khai", kind: ORIGINAL, digitized: true }] }) { code } }`,
          {},
          reception,
        )
      ).receiveDossier.code;
    };
    const resolve = async (code: string, at: string) => {
      clock.now = new Date(at);
      await workNextTask(suite.api, code, civil);
    };
    await resolve(await receive('2026-01-05T01:00:00Z'), '2026-01-05T03:00:00Z');
    await resolve(await receive('2026-01-06T01:00:00Z'), '2026-01-06T03:00:00Z');
    await resolve(await receive('2026-02-02T01:00:00Z'), '2026-02-02T03:00:00Z');
    await resolve(await receive('2026-02-03T01:00:00Z'), '2026-02-10T03:00:00Z');
    clock.now = new Date('2026-02-27T10:00:00Z');
    const server = suite.api.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => suite.api.server.httpServer.close(resolve));
  });

  it('shows the index with its groups, the on-time trend by month and the slowest steps', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
    await page.goto(`${base}/dashboard?from=2026-01-01&to=2026-02-28`);
    await page.fill('input[name=username]', 'chutich');
    await page.fill('input[name=password]', 'mat-khau-thu-2026');
    await page.click('#signin button[type=submit]');
    await page.locator('#index tr.group').first().waitFor();
    // Progress: three of four on time, 20 × 3/4.
    expect(await page.locator('tr[data-indicator=ON_TIME]').innerText()).toContain('15 / 20');
    expect(await page.locator('tr[data-indicator=DIGITIZED]').innerText()).toContain('100%');
    expect(await page.locator('#index tr.group').count()).toBe(6);
    expect(await page.locator('#total').innerText()).toMatch(/^Tổng điểm: [\d.]+ \/ 100$/);
    // The trend and the steps are drawn (Chart.js paints its canvases).
    for (const id of ['trend', 'slowest']) {
      const painted = await page.evaluate(
        `(() => { const c = document.getElementById('${id}'); const d = c.getContext('2d')
            .getImageData(0, 0, c.width, c.height).data;
          let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()`,
      );
      expect([id, painted]).toEqual([id, expect.any(Number)]);
      expect(painted as number).toBeGreaterThan(500);
    }
    expect(await page.locator('#steps tr[data-step=process]').innerText()).toContain('Giải quyết');
    expect(await page.locator('#steps tr[data-step=process]').innerText()).toContain('điểm nghẽn');
    await screenshot(page, 'dashboard');
    expect(failures).toEqual([]);
    await page.close();
  });
});
