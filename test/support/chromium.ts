import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../../src/config';
import { CHROMIUM_ARGS } from '../../src/one-stop-forms/pdf';

/** Where the tests look for Chromium, as the server does. */
export const CHROMIUM = chromiumPath();

/**
 * `describe` for tests that need a real Chromium (PDF printing, pages): run when one is
 * installed, otherwise skipped with a plain message (CI installs it, so there they always run).
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  console.warn(`SKIPPED "${name}": no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  describe.skip(name, body);
}

/** `it` for one test that needs Chromium, skipped like `describeWithChromium` without it. */
export function itWithChromium(name: string, body: () => Promise<void>): void {
  if (existsSync(CHROMIUM)) {
    it(name, body);
    return;
  }
  console.warn(`SKIPPED "${name}": no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  it.skip(name, body);
}

/** A headless Chromium as the server's PDF printer starts it; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The pictures of the pages that docs/pages.md and the README show, kept current by the tests. */
export const DOCS_SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * Saves a screenshot of the page under test-results/screenshots, for a person to look at; with
 * `docs`, also the picture the documentation shows (the window as the user sees it, as JPEG to
 * stay small), so the docs never show a page as it no longer is.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { docs?: boolean } = {},
): Promise<void> {
  const folder = path.join(__dirname, '..', '..', 'test-results', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
  if (!options.docs) return;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(DOCS_SCREENSHOTS, `${name}.jpg`),
    type: 'jpeg',
    quality: 70,
  });
}
