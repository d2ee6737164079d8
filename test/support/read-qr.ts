import type { Page } from 'playwright-core';

/**
 * The text of the QR code drawn by the SVG under `selector` on the page: drawn on a canvas and
 * its pixels read by jsQR, as a camera's picture would be.
 */
export async function readQrOnPage(page: Page, selector: string): Promise<string | null> {
  await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  return page.evaluate(`(async () => {
    const svg = document.querySelector(${JSON.stringify(selector)});
    if (!svg) return null;
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
}
