import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { apiSuite } from './flows';
import { seedOfficer } from './officers';

/** The password every page test gives its officers. */
export const PAGE_PASSWORD = 'mat-khau-thu-2026';

/**
 * An API with its pages served on a local port and a headless Chromium to browse them, for a
 * `describe` block (opened before its tests, closed after).
 */
export function pagesSuite(clock: { now: Date }, options?: Parameters<typeof apiSuite>[1]) {
  const suite = apiSuite(clock, options);
  let browser: Browser | undefined;
  let base = '';
  beforeAll(async () => {
    const server = suite.api.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => suite.api.server.httpServer.close(resolve));
  });
  return {
    suite,
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
    /**
     * Officers of the test commune who sign in with PAGE_PASSWORD, one role each, as
     * [username, role] pairs; their API tokens by role.
     */
    async seedOfficers(pairs: [string, string][]): Promise<Record<string, string>> {
      const tokens: Record<string, string> = {};
      for (const [username, role] of pairs) {
        tokens[role] = await seedOfficer(suite.api.database.dataSource, {
          username,
          roles: [role],
          agencyCode: 'xa-xuan-hoa',
          password: PAGE_PASSWORD,
          now: clock.now,
        });
      }
      return tokens;
    },
    /** Opens an officer page and signs in; resolves once the page is drawn. */
    async signIn(
      path: string,
      username: string,
      drawn: string,
      size = { width: 1280, height: 900 },
    ) {
      const page: Page = await this.browser.newPage({ viewport: size });
      await page.goto(`${base}${path}`);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', PAGE_PASSWORD);
      await page.click('#signin button[type=submit]');
      await page.locator(drawn).first().waitFor();
      return page;
    },
  };
}
