import type { Browser } from 'playwright-core';

/**
 * The text of the QR code an SVG draws, as a camera would read it: drawn on a canvas in a blank
 * page of its own (a page's content policy may forbid the reader's script) and its pixels read
 * by jsQR.
 */
export async function readQrSvg(browser: Browser, svg: string): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<div id="qr">${svg}</div>`);
    await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
    return await page.evaluate(`(async () => {
      const svg = document.querySelector('#qr svg');
      const image = new Image();
      image.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg));
      await image.decode();
      const size = 400;
      const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      context.drawImage(image, 0, 0, size, size);
      const read = jsQR(context.getImageData(0, 0, size, size).data, size, size);
      return read ? read.data : null;
    })()`);
  } finally {
    await page.close();
  }
}
