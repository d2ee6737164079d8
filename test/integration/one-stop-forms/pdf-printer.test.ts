import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PdfPrinter } from '../../../src/one-stop-forms/pdf';
import { describeWithChromium } from '../../support/chromium';
import { pdfText } from '../../support/pdf';

/** The PDF printer: Debian's Chromium, one per server, with nothing reaching out. */
describeWithChromium('PDF printer', () => {
  const printer = new PdfPrinter();
  afterAll(() => printer.close());

  it('prints several forms at once, each its own', async () => {
    const pages = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        printer.print(`<html><body><p>Hồ sơ số ${index + 1}</p></body></html>`),
      ),
    );
    expect(pages.map((pdf) => pdfText(pdf).pages[0].trim())).toEqual(
      Array.from({ length: 7 }, (_, index) => `Hồ sơ số ${index + 1}`),
    );
  });

  it('lets no form fetch anything, however it asks', async () => {
    let hits = 0;
    const server = http.createServer((_request, response) => {
      hits++;
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pdf = await printer.print(
        `<html><head><link rel="stylesheet" href="${url}/a.css"></head><body>
           <img src="${url}/b.png"><iframe src="${url}/c"></iframe>
           <script>fetch('${url}/d')</script><p>Trang in</p></body></html>`,
      );
      expect(pdfText(pdf).pages[0]).toContain('Trang in');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('starts Chromium again after it is closed', async () => {
    await printer.close();
    expect(pdfText(await printer.print('<p>Lần nữa</p>')).pages[0]).toContain('Lần nữa');
  });
});

describe('PDF printer without Chromium', () => {
  it('says where Chromium was looked for when it is missing', async () => {
    const missing = new PdfPrinter('/nowhere/chromium');
    await expect(missing.print('<p>x</p>')).rejects.toMatchObject({
      code: 'PDF_UNAVAILABLE',
      message: expect.stringContaining('/nowhere/chromium'),
    });
  });
});
