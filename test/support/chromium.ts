import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM_PATH } from '../../src/forms/pdf';

/** Where the tests look for Chromium, as the server does. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;

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
