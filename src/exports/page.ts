import { html } from '../one-stop-forms/html';
import type { ExportTable } from './table';

/** The table as a printable Vietnamese page (A4 landscape), for the browser or the PDF printer. */
export function toHtml(table: ExportTable, printedAt: string): string {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <title>${table.title}</title>
        <style>
          @page {
            size: A4 landscape;
          }
          body {
            font-family: 'Times New Roman', serif;
            font-size: 11pt;
          }
          h1 {
            font-size: 14pt;
            text-align: center;
            margin: 0;
          }
          p {
            text-align: center;
            margin: 4pt 0 12pt;
          }
          table {
            border-collapse: collapse;
            width: 100%;
          }
          th,
          td {
            border: 1px solid #000;
            padding: 2pt 4pt;
          }
          td.n {
            text-align: right;
          }
          footer {
            margin-top: 8pt;
            font-size: 9pt;
          }
        </style>
      </head>
      <body>
        <h1>${table.title}</h1>
        <p>${table.subtitle}</p>
        <table>
          <thead>
            <tr>
              ${table.headers.map((header) => html`<th>${header}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((value) =>
                    typeof value === 'number'
                      ? html`<td class="n">${value.toLocaleString('vi-VN')}</td>`
                      : html`<td>${value ?? ''}</td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
        <footer>In lúc ${printedAt}</footer>
      </body>
    </html>`.text;
}
