// Prints what a PDF (read from standard input) says, as JSON: its title, its page count and the
// text of each page. Run by plain Node: pdf.js ships only ES modules that Jest would have to
// rewrite, and a child process reads the file as a viewer would.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)) }).promise;
const pages = [];
for (let number = 1; number <= document.numPages; number++) {
  const content = await (await document.getPage(number)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
}
const { info } = await document.getMetadata();
process.stdout.write(JSON.stringify({ title: info.Title, pages }));
