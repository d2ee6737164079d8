import type { Cell, ExportTable } from './table';

/**
 * The table as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark so that Excel reads
 * the Vietnamese, CRLF line ends, the title and period above the header. A text cell that a
 * spreadsheet would take for a formula (=, +, -, @) is written with a leading apostrophe: an
 * applicant's name must never run as one.
 */
export function toCsv(table: ExportTable): string {
  const lines = [[table.title], [table.subtitle], table.headers, ...table.rows];
  return '\uFEFF' + lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
