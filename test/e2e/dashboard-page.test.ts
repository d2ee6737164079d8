import { describeWithChromium, screenshot } from '../support/chromium';
import { workNextTask } from '../support/dossiers';
import { seedOfficer } from '../support/officers';
import { PAGE_PASSWORD, pagesSuite } from '../support/pages';
import { FIXTURE_PROCEDURE } from '../support/seed-fixtures';

/** A leader's dashboard: the 766 index, the on-time trend, the slowest steps. */
describeWithChromium('the dashboard', () => {
  const clock = { now: new Date('2026-01-05T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;

  beforeAll(async () => {
    const dataSource = suite.api.database.dataSource;
    const seed = (username: string, role: string) =>
      seedOfficer(dataSource, {
        username,
        roles: [role],
        agencyCode: 'xa-a',
        password: PAGE_PASSWORD,
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
  });

  it('shows the index with its groups, the on-time trend by month and the slowest steps', async () => {
    const failures: string[] = [];
    const page = await pages.signIn(
      '/dashboard?from=2026-01-01&to=2026-02-28',
      'chutich',
      '#index tr.group',
      { width: 1280, height: 1400 },
    );
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => message.type() === 'error' && failures.push(message.text()));
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
    // The figures behind the trend, as a table.
    expect(await page.locator('#trend-figures tr[data-month]').allInnerTexts()).toEqual([
      expect.stringMatching(/^2026-01\s+\d+\s+[\d.]+%$/),
      expect.stringMatching(/^2026-02\s+\d+\s+[\d.]+%$/),
    ]);
    await screenshot(page, 'dashboard', { docs: true });
    // The view is in the address, to share: period and procedure.
    await page.fill('input[name=from]', '2026-02-01');
    await page.click('#period button[type=submit]');
    await page.waitForURL(/from=2026-02-01/);
    const shared = new URL(page.url());
    expect(Object.fromEntries(shared.searchParams)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      procedure: expect.any(String),
    });
    const again = await pages.signIn(`/dashboard${shared.search}`, 'chutich', '#index tr.group');
    expect(await again.locator('input[name=from]').inputValue()).toBe('2026-02-01');
    expect(await again.locator('select[name=procedure]').inputValue()).toBe(
      shared.searchParams.get('procedure'),
    );
    await again.close();
    expect(failures).toEqual([]);
    await page.close();
  });
});
