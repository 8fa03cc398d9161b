/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted and their quotes doubled), with a byte-order mark so Excel reads the UTF-8 Chinese text.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or a
 * carriage return, which some strip before looking) as a formula. A text cell starting with one of them gets a
 * leading apostrophe, so it shows as the text it is. Numbers are written as numbers and never guarded.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
