import { existsSync } from 'node:fs';
import { chromiumPath } from '../config';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../errors';

/**
 * Flags for a headless Chromium on a closed network: no sandbox when we run as root (as in CI),
 * and none of its background connections, which the machine would refuse one by one.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages printed at once; more wait their turn rather than open more tabs. */
const MAX_PAGES = 4;

/**
 * Prints HTML forms to PDF in one headless Chromium per server, started at the first print and
 * started again if it dies. Each form is printed in a fresh context with scripts off and every
 * request refused: a form is self-contained (its QR is a data URL), so nothing may reach out.
 */
export class PdfPrinter {
  private browser?: Promise<Browser>;
  private printing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly executablePath = chromiumPath()) {}

  async print(html: string): Promise<Buffer> {
    await this.turn();
    try {
      const browser = await this.launched();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '20mm', bottom: '20mm', left: '25mm', right: '15mm' },
        });
      } finally {
        await context.close();
      }
    } finally {
      this.printing--;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  private async turn(): Promise<void> {
    if (this.printing >= MAX_PAGES) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.printing++;
  }

  private launched(): Promise<Browser> {
    if (!this.browser) {
      if (!existsSync(this.executablePath)) {
        throw new AppError(
          'PDF_UNAVAILABLE',
          `PDF printing needs Chromium at ${this.executablePath} (Debian: apt-get install chromium, or set CHROMIUM_PATH); the HTML form prints from the browser`,
        );
      }
      const launching = chromium.launch({
        executablePath: this.executablePath,
        args: CHROMIUM_ARGS,
      });
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = undefined;
          }),
        () => {
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }
}
