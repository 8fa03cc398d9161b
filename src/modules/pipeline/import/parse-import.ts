/**
 * From what a person sent (a file's bytes or pasted text) to rows of cells, or one reason the file cannot be read.
 *
 * Only UTF-8 (with or without the BOM Excel writes) is accepted: the bytes are decoded strictly, so a file Excel saved
 * as "CSV" on a Chinese Windows (GB18030/GBK) or as "Unicode text" (UTF-16) is refused with a way to fix it instead
 * of being imported as mojibake. The CSV itself is read by csv-parse (RFC 4180: commas, quoted fields, doubled
 * quotes, line breaks inside quotes); a file that is not comma-separated is recognised by its header and refused.
 *
 * Line ends are normalised to LF before the text is hashed: the preview carries the text back in a form field, and
 * browsers rewrite line ends in form fields, so the hash is taken over the one form both sides can reproduce.
 */
import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';

export const IMPORT_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 5_000, maxFilename: 200 } as const;

export type FileRefusal =
  | { code: 'no_input' | 'empty' | 'too_large' | 'not_utf8' | 'utf16' | 'not_comma' | 'header_only' }
  | { code: 'too_many_rows'; rows: number }
  | { code: 'not_csv'; line: number };

export class FileRefusedError extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(`Import file refused: ${refusal.code}`);
  }
}

/** The text of an import, as it will be validated, hashed and carried from the preview to the commit. */
export interface ImportText {
  text: string;
  sha256: string;
  filename: string;
}

const normaliseLineEnds = (text: string) => text.replace(/\r\n?/g, '\n');
export const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A file name as it may be shown and logged: its last path segment, without control characters, bounded. */
export function safeImportFilename(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, IMPORT_LIMITS.maxFilename);
}

/** Text (pasted, or carried back from the preview) ready to parse: BOM removed, line ends normalised. */
export function importTextOf(text: string, filename: string): ImportText {
  const clean = normaliseLineEnds(text.replace(/^\ufeff/, ''));
  if (Buffer.byteLength(clean, 'utf8') > IMPORT_LIMITS.maxBytes) throw new FileRefusedError({ code: 'too_large' });
  if (clean.trim() === '') throw new FileRefusedError({ code: 'empty' });
  return { text: clean, sha256: sha256Of(clean), filename: safeImportFilename(filename) };
}

/** A file's bytes: UTF-8 only. */
export function importFileOf(bytes: Buffer, filename: string): ImportText {
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw new FileRefusedError({ code: 'too_large' });
  if (bytes.length === 0) throw new FileRefusedError({ code: 'empty' });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new FileRefusedError({ code: 'utf16' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileRefusedError({ code: 'not_utf8' });
  }
  return importTextOf(text, filename);
}

/** The rows of a CSV text: the header's cells and each following row's, numbered as a spreadsheet shows them. */
export interface ParsedCsv {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

const DELIMITERS_NOT_ACCEPTED = /[;\t|]/;

export function parseCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, {
      // Every record is kept (an empty line too) so the n-th record is the spreadsheet's row n.
      skip_empty_lines: false,
      relax_column_count: true,
      // One more than the header and the allowed rows: enough to know the file is too long, without reading it all.
      to: IMPORT_LIMITS.maxRows + 2,
      max_record_size: 200_000,
    });
  } catch (error) {
    if (error instanceof CsvError) throw new FileRefusedError({ code: 'not_csv', line: Number(error.lines ?? 0) });
    throw error;
  }
  const [header = [], ...rest] = records;
  // A file saved with semicolons or tabs reads as one column whose header holds the separator.
  if (header.length === 1 && DELIMITERS_NOT_ACCEPTED.test(header[0])) throw new FileRefusedError({ code: 'not_comma' });
  const rows = rest.map((cells, index) => ({ row: index + 2, cells }));
  const filled = rows.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (!filled.length) throw new FileRefusedError({ code: 'header_only' });
  if (rows.length > IMPORT_LIMITS.maxRows) throw new FileRefusedError({ code: 'too_many_rows', rows: IMPORT_LIMITS.maxRows });
  return { header, rows };
}
