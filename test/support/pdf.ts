import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** What a PDF says, read by pdf.js: its title and each page's text with spaces folded. */
export function pdfText(pdf: Buffer): { title: string; pages: string[] } {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'pdf-text.mjs')], {
    input: pdf,
  });
  const read = JSON.parse(out.toString()) as { title: string; pages: string[] };
  return { ...read, pages: read.pages.map((text) => text.replace(/\s+/g, ' ')) };
}
