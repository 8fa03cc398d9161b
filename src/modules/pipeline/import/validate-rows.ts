/**
 * Each row of a spreadsheet checked on its own, with the forms' own validation: the investor with `investorSchema`,
 * the project's fields with `projectFieldsSchema` (through `parseFields`) and `contentProblems`, the district against
 * the importing person's scope. What depends on the project as it already is — the stage's evidence, moves, status
 * rules — is plan-import.ts's, which runs after this on the rows that passed.
 *
 * Every problem names its spreadsheet row (the header is row 1) and its column, so the preview can list them all.
 */
import type { ContentStore } from '../../content/index.js';
import type { PipelineStaff } from '../project-access.js';
import {
  contentProblems, investorSchema, parseFields, ProjectInputError, projectFieldsSchema,
  type FieldProblem, type InvestorFields, type ProblemCode, type ProjectFields,
} from '../project-input.js';
import { STAGES, STATUSES, type Stage, type Status } from '../stage-rules.js';
import { columnByKey, columnOfField, EXAMPLE_PREFIX, IMPORT_COLUMNS, MAX_DISTRICT_REF, matchHeaders, type HeaderMap, type ImportColumn } from './import-columns.js';
import { cellValue } from './import-values.js';
import type { ParsedCsv } from './parse-import.js';

export type ImportProblemCode =
  | ProblemCode
  | 'backward' | 'move_not_allowed' | 'reopen_not_allowed' | 'closed' | 'reason_unexpected' | 'duplicate_key' | 'extra_cells'
  | 'unknown_column' | 'duplicate_column' | 'missing_column';

export interface ImportProblem {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** The column's key (import-columns.ts), or null for a cell under an unknown header. */
  column: string | null;
  /** The header as the file spells it; null when the file has no such column. */
  header: string | null;
  code: ImportProblemCode;
  /** For `before`: the column the date may not precede; for `duplicate_key`: the row it repeats. */
  other?: string;
  value?: string;
}

/** A row that passed its own checks: the investor and the project's fields, typed. */
export interface CheckedRow {
  row: number;
  /** The row's cells by column key as the file has them (trimmed, cut short), to show beside a problem. */
  raw: Readonly<Record<string, string>>;
  districtRef: string;
  /** `<district>:<district reference>`, unique in pipeline_projects.import_key. */
  importKey: string;
  investor: InvestorFields;
  fields: ProjectFields;
  /** Project fields whose column is in the file: only these change on an existing project. */
  given: readonly (keyof ProjectFields)[];
  stage: Stage;
  /** null: the cell is empty or the column absent (a new project is active; an existing one keeps its status). */
  status: Status | null;
  reason: string | null;
  note: string | null;
  /** Whether the file has the status reason / note columns (an absent column keeps what the project has). */
  reasonGiven: boolean;
  noteGiven: boolean;
}

export interface RowsChecked {
  headers: HeaderMap;
  rows: CheckedRow[];
  /** Rows of the template's example (their key starts with EXAMPLE). */
  examples: number[];
  problems: ImportProblem[];
  /** Rows with at least one problem. */
  failedRows: number;
  /** Every non-blank row under the header, as the file names it (for the preview's row table). */
  listed: { row: number; districtRef: string; name: string }[];
}

export interface CheckOptions {
  store: ContentStore;
  staff: PipelineStaff;
}

function headerProblems(headers: HeaderMap): ImportProblem[] {
  return headers.problems.map((p) =>
    p.code === 'missing_column'
      ? { row: 1, column: p.column.key, header: null, code: p.code }
      : { row: 1, column: null, header: p.header, code: p.code, value: p.header },
  );
}

/** The row's cells by column key, read as the fields expect them. */
function cellsOf(headers: HeaderMap, cells: readonly string[], store: ContentStore): Map<string, string> {
  const values = new Map<string, string>();
  headers.columns.forEach((column, index) => {
    if (column) values.set(column.key, cellValue(column.cell, cells[index] ?? '', store));
  });
  return values;
}

function rawCells(headers: HeaderMap, cells: readonly string[]): Record<string, string> {
  return Object.fromEntries(headers.columns.flatMap((column, index) => (column ? [[column.key, (cells[index] ?? '').trim().slice(0, 80)]] : [])));
}

function checkRow(headers: HeaderMap, row: { row: number; cells: string[] }, options: CheckOptions): { checked?: CheckedRow; problems: ImportProblem[] } {
  const values = cellsOf(headers, row.cells, options.store);
  const raw = (column: ImportColumn) => row.cells[headers.columns.indexOf(column)] ?? '';
  const problems: ImportProblem[] = [];
  const add = (column: ImportColumn | undefined, code: ImportProblemCode, other?: string) => {
    if (!column) return;
    if (problems.some((p) => p.column === column.key)) return;
    problems.push({ row: row.row, column: column.key, header: headers.headers.get(column.key) ?? null, code, ...(other ? { other } : {}), value: headers.headers.has(column.key) ? raw(column).trim().slice(0, 80) : undefined });
  };
  const fromSchema = (of: 'investor' | 'project', list: readonly FieldProblem[]) => list.forEach((p) => add(columnOfField(of, p.field), p.code, p.other));
  if (row.cells.length > headers.columns.length && row.cells.slice(headers.columns.length).some((cell) => cell.trim() !== '')) {
    problems.push({ row: row.row, column: null, header: null, code: 'extra_cells' });
  }

  const districtRef = values.get('district_ref') ?? '';
  if (!districtRef) add(columnByKey('district_ref'), 'required');
  else if (districtRef.length > MAX_DISTRICT_REF) add(columnByKey('district_ref'), 'too_long');

  const of = (target: ImportColumn['target']) => Object.fromEntries(IMPORT_COLUMNS.filter((c) => c.target === target && values.has(c.key)).map((c) => [c.field, values.get(c.key)]));
  let investor: InvestorFields | undefined;
  let fields: ProjectFields | undefined;
  try {
    investor = parseFields(investorSchema, of('investor'));
  } catch (error) {
    if (!(error instanceof ProjectInputError)) throw error;
    fromSchema('investor', error.problems);
  }
  try {
    fields = parseFields(projectFieldsSchema, of('project'));
  } catch (error) {
    if (!(error instanceof ProjectInputError)) throw error;
    fromSchema('project', error.problems);
  }
  if (fields) {
    fromSchema('project', contentProblems(options.store, fields));
    // The key is the district's: a project without one cannot be matched again on the next import.
    if (!fields.district_id) add(columnByKey('district_id'), 'required');
    else if (options.staff.role === 'district_officer' && fields.district_id !== options.staff.districtId) add(columnByKey('district_id'), 'not_allowed');
    // A project from a service-line case is created from the case's page, which links the two.
    if (fields.source_kind === 'service_case') add(columnByKey('source_kind'), 'not_allowed');
  }

  const stage = values.get('stage') ?? '';
  if (!stage) add(columnByKey('stage'), 'required');
  else if (!(STAGES as readonly string[]).includes(stage)) add(columnByKey('stage'), 'invalid');
  const status = values.get('status') ?? '';
  if (status && !(STATUSES as readonly string[]).includes(status)) add(columnByKey('status'), 'invalid');
  const reason = values.get('status_reason') ?? '';
  const note = values.get('status_note') ?? '';
  if (note.length > 2000) add(columnByKey('status_note'), 'too_long');

  if (problems.length || !investor || !fields) return { problems };
  const given = IMPORT_COLUMNS.filter((c) => c.target === 'project' && values.has(c.key)).map((c) => c.field as keyof ProjectFields);
  return {
    problems,
    checked: {
      row: row.row, raw: rawCells(headers, row.cells), districtRef, importKey: `${fields.district_id}:${districtRef}`, investor, fields, given,
      stage: stage as Stage, status: (status || null) as Status | null, reason: reason || null, note: note || null,
      reasonGiven: values.has('status_reason'), noteGiven: values.has('status_note'),
    },
  };
}

/** Checks the header and every row; rows are not read when a mandatory column is missing or repeated. */
export function checkRows(csv: ParsedCsv, options: CheckOptions): RowsChecked {
  const headers = matchHeaders(csv.header);
  const result: RowsChecked = { headers, rows: [], examples: [], problems: headerProblems(headers), failedRows: 0, listed: [] };
  if (headers.problems.some((p) => p.code !== 'unknown_column')) return result;
  const refIndex = headers.columns.findIndex((c) => c?.key === 'district_ref');
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const raw = rawCells(headers, row.cells);
    result.listed.push({ row: row.row, districtRef: raw.district_ref ?? '', name: raw.name ?? '' });
    if ((row.cells[refIndex] ?? '').trim().toUpperCase().startsWith(EXAMPLE_PREFIX)) {
      result.examples.push(row.row);
      continue;
    }
    const { checked, problems } = checkRow(headers, row, options);
    const first = checked ? seen.get(checked.importKey) : undefined;
    if (checked && first !== undefined) {
      problems.push({ row: row.row, column: 'district_ref', header: headers.headers.get('district_ref') ?? null, code: 'duplicate_key', other: String(first), value: checked.districtRef });
    } else if (checked) {
      seen.set(checked.importKey, row.row);
    }
    if (problems.length) {
      result.problems.push(...problems);
      result.failedRows += 1;
    } else if (checked) {
      result.rows.push(checked);
    }
  }
  return result;
}
