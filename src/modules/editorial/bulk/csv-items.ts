/**
 * Content items as spreadsheet rows and back (the bulk export's CSV, and its import).
 *
 * One row per item; one column per leaf of the items' JSON, named by its path: `id`, `en.title`,
 * `sources.0.document`, `phones.1.label.zh`. Arrays, of objects and of plain values alike, are INDEXED (`audiences.0`,
 * `audiences.1`), never joined, so any text (commas, semicolons, line breaks) survives and the import is the exact
 * inverse of the export. Columns come in the items' own order (an object's keys as the schema orders them, an array's
 * elements by number), as the first item to have each one shows it.
 *
 * A column's header says how its cells are read when they are not plain text:
 *  - `path` — text; an empty cell means the field is absent, the cell `null` means null (a contact without a
 *    district; an empty cell there is read as null too, since the schema requires the field);
 *  - `path:number` — a number; `path:boolean` — true or false;
 *  - `path:json` — each cell a JSON value (`"text"`, `12.5`, `null`, `[]`): used when a column mixes types (a
 *    table's cells), holds empty text, or when an item has an empty list or object at that path.
 * On import an empty cell is an absent field; to remove a list element, empty all of its cells (the remaining
 * elements close up). A cell that csvDocument guarded against formula injection (`'+86 10 …`) loses the apostrophe.
 */
import { csvDocument, type CsvCell } from '../../../platform/http/csv.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Segment = string | number;

export type ColumnType = 'text' | 'number' | 'boolean' | 'json';

export interface Column {
  header: string;
  path: Segment[];
  type: ColumnType;
}

interface Node {
  /** Values found at this path that are leaves (plain values, or empty lists and objects). */
  leaves: Json[];
  children: Map<string, Node>;
}

const newNode = (): Node => ({ leaves: [], children: new Map() });

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function addValue(node: Node, value: Json): void {
  if (Array.isArray(value)) {
    if (value.length === 0) node.leaves.push(value);
    value.forEach((child, i) => addChild(node, String(i), child));
  } else if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) node.leaves.push(value);
    for (const [key, child] of entries) if (child !== undefined) addChild(node, key, child);
  } else {
    node.leaves.push(value);
  }
}

function addChild(node: Node, key: string, value: Json): void {
  let child = node.children.get(key);
  if (!child) node.children.set(key, (child = newNode()));
  addValue(child, value);
}

/** A column's type from its values; null fits any type (written `null`), unless the column also holds the text "null". */
function typeOf(leaves: Json[]): ColumnType {
  const values = leaves.filter((v) => v !== null);
  if (values.length === 0 || values.includes('null')) return 'json';
  if (values.every((v) => typeof v === 'string' && v !== '')) return 'text';
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'json';
}

export function headerOf(path: readonly Segment[], type: ColumnType): string {
  return path.join('.') + (type === 'text' ? '' : `:${type}`);
}

function collect(node: Node, path: Segment[], out: Column[]): void {
  if (node.leaves.length > 0 && path.length > 0) {
    const type = typeOf(node.leaves);
    out.push({ header: headerOf(path, type), path, type });
  }
  for (const [key, child] of node.children) collect(child, [...path, /^\d+$/.test(key) ? Number(key) : key], out);
}

/** The columns that hold `items`: every leaf path, `id` first. */
export function columnsOf(items: readonly unknown[]): Column[] {
  const root = newNode();
  for (const item of items) addValue(root, item as Json);
  const columns: Column[] = [];
  collect(root, [], columns);
  const id = columns.findIndex((c) => c.header === 'id');
  if (id > 0) columns.unshift(...columns.splice(id, 1));
  return columns;
}

function valueAt(item: unknown, path: readonly Segment[]): unknown {
  let value: unknown = item;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[String(segment)];
  }
  return value;
}

function cellOf(value: unknown, column: Column): CsvCell {
  if (value === undefined) return '';
  if (value === null && column.type !== 'json') return 'null';
  if (column.type === 'json') {
    // Only leaves belong in this column: a non-empty list or object at the path is spread over its own columns.
    if (Array.isArray(value) ? value.length > 0 : isObject(value) && Object.keys(value).length > 0) return '';
    return JSON.stringify(value);
  }
  if (typeof value === 'object') return '';
  if (column.type === 'boolean') return String(value);
  return value as string | number;
}

/** The CSV of `items` (BOM, CRLF, formula-guarded: see platform/http/csv.ts). */
export function itemsCsv(items: readonly unknown[]): string {
  const columns = columnsOf(items);
  return csvDocument([columns.map((c) => c.header), ...items.map((item) => columns.map((c) => cellOf(valueAt(item, c.path), c)))]);
}

/** A header cell read back into its column, or null when it is not one (an unreadable path or type). */
export function columnOfHeader(header: string): Column | null {
  const match = /^([^:]+?)(?::(number|boolean|json))?$/.exec(header.trim());
  if (!match) return null;
  const parts = match[1].split('.');
  if (parts.some((p) => p === '')) return null;
  const type = (match[2] ?? 'text') as ColumnType;
  return { header: header.trim(), path: parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), type };
}

export type CellProblem = { code: 'not_number' | 'not_boolean' | 'not_json' | 'conflict'; column: Column; value: string };

/** A cell's value, or a problem. Empty cells are absent fields (undefined). */
export function readCell(raw: string, column: Column): { value?: Json; problem?: CellProblem['code'] } {
  const text = /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
  if (text === '') return {};
  if (column.type !== 'json' && text.trim() === 'null') return { value: null };
  switch (column.type) {
    case 'text':
      return { value: text };
    case 'number': {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(n) ? { value: n } : { problem: 'not_number' };
    }
    case 'boolean':
      return text.trim() === 'true' ? { value: true } : text.trim() === 'false' ? { value: false } : { problem: 'not_boolean' };
    case 'json':
      try {
        return { value: JSON.parse(text) as Json };
      } catch {
        return { problem: 'not_json' };
      }
  }
}

/** Lists with holes (elements whose every cell was emptied) closed up, at every level. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

/** One CSV row's cells rebuilt into an item (the inverse of itemsCsv's row), with the cells that could not be read. */
export function itemOfRow(columns: readonly Column[], cells: readonly string[]): { item: Record<string, unknown>; problems: CellProblem[] } {
  const root: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  columns.forEach((column, index) => {
    const raw = cells[index] ?? '';
    const { value, problem } = readCell(raw, column);
    if (problem) problems.push({ code: problem, column, value: raw });
    if (value === undefined) return;
    let parent: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < column.path.length; i++) {
      const segment = column.path[i];
      const last = i === column.path.length - 1;
      const current = (parent as Record<string, unknown>)[segment as string];
      if (last) {
        // An empty list or object given for a path that other columns fill: the filled one wins.
        if (current === undefined) (parent as Record<string, unknown>)[segment as string] = value;
        else if (!(Array.isArray(value) && value.length === 0) && !(isObject(value) && Object.keys(value).length === 0)) problems.push({ code: 'conflict', column, value: raw });
        return;
      }
      const wantsArray = typeof column.path[i + 1] === 'number';
      let next = current;
      const empty = Array.isArray(next) ? next.length === 0 : isObject(next) && Object.keys(next).length === 0;
      if (next === undefined || (empty && Array.isArray(next) !== wantsArray)) next = wantsArray ? [] : {};
      if (next === null || typeof next !== 'object' || Array.isArray(next) !== wantsArray) {
        problems.push({ code: 'conflict', column, value: raw });
        return;
      }
      (parent as Record<string, unknown>)[segment as string] = next;
      parent = next as Record<string, unknown> | unknown[];
    }
  });
  return { item: compact(root) as Record<string, unknown>, problems };
}
