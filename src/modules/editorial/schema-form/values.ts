/**
 * The form's state as flat name → value pairs, the way a browser posts it (`en.title`, `sources.0.section`,
 * `parts.2.en.text`), both ways: `flatten` turns an item into the values its form shows, `parseValues` turns posted
 * values back into the item, coercing each by its schema type (numbers, yes/no, blank optional → absent, blank
 * nullable → null). Lists carry their length in a hidden `_n.<name>` field so an empty entry or an empty list survives
 * a round trip, and "Add another" / "Remove" are edits of these values (`addEntry`, `removeEntry`), without saving.
 */
import type { StoredProblem } from '../../content/index.js';
import type { FormNode, FormSlot } from './model.js';

export type FormValues = Record<string, string | string[]>;

/** The name of a child: `a` + `b` → `a.b` (no leading dot at the top). */
export function join(prefix: string, key: string | number): string {
  return prefix === '' ? String(key) : `${prefix}.${key}`;
}

export const countName = (name: string) => `_n.${name}`;

/** Marker of a table cell's kind: text (s), number (n), two languages (b) or absent from its row (x). */
export const cellTypeName = (name: string) => `${name}._t`;

/** Arrays of a choice are checkboxes (one name, several values); other arrays are numbered entries. */
export function isChoiceList(node: FormNode): node is Extract<FormNode, { t: 'array' }> & { element: { node: Extract<FormNode, { t: 'enum' }> } } {
  return node.t === 'array' && node.element.node.t === 'enum';
}

export function one(values: FormValues, name: string): string {
  const value = values[name];
  if (Array.isArray(value)) return value[0] ?? '';
  return value ?? '';
}

export function many(values: FormValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function countOf(values: FormValues, name: string): number {
  const n = Number.parseInt(one(values, countName(name)), 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, 2000) : 0;
}

function scalarText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------------------
// item → values

/** The form values showing `value` in `slot` under `name`. */
export function flatten(slot: FormSlot, value: unknown, name = '', into: FormValues = {}): FormValues {
  flattenNode(slot.node, value, name, into);
  return into;
}

function flattenNode(node: FormNode, value: unknown, name: string, into: FormValues): void {
  switch (node.t) {
    case 'object': {
      const object = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      for (const field of node.fields) flattenNode(field.node, object[field.key], join(name, field.key), into);
      return;
    }
    case 'table':
      flattenTable(node, value, name, into);
      return;
    case 'text':
    case 'number':
    case 'enum':
      into[name] = scalarText(value);
      return;
    case 'boolean':
      into[name] = value === true ? 'true' : value === false ? 'false' : '';
      return;
    case 'literal':
      into[name] = scalarText(node.value);
      return;
    case 'array': {
      const list = Array.isArray(value) ? value : [];
      // An absent list has no count ('' rather than '0'): an optional list that is empty stays empty, not absent.
      into[countName(name)] = Array.isArray(value) ? String(list.length) : '';
      if (isChoiceList(node)) {
        into[name] = list.map(scalarText);
        return;
      }
      list.forEach((entry, i) => flattenNode(node.element.node, entry, join(name, i), into));
      return;
    }
    case 'record': {
      const entries = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [];
      into[countName(name)] = String(entries.length);
      entries.forEach(([key, entry], i) => {
        into[join(join(name, i), '_key')] = key;
        flattenNode(node.value.node, entry, node.value.node.t === 'object' ? join(name, i) : join(join(name, i), '_value'), into);
      });
      return;
    }
    case 'variants': {
      const object = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      const chosen = node.options.find((o) => o.value === scalarText(object[node.discriminator]));
      into[join(name, node.discriminator)] = chosen?.value ?? '';
      if (chosen) flattenNode(chosen.node, value, name, into);
      return;
    }
    case 'json':
      into[name] = value === undefined ? '' : JSON.stringify(value, null, 2);
      return;
  }
}

/** Column keys of a table's grid: its columns' keys, then any key a row holds that no column names. */
export function gridKeys(values: FormValues, name: string): string[] {
  const columns = join(name, 'columns');
  const keys: string[] = [];
  for (let i = 0; i < countOf(values, columns); i++) {
    const key = one(values, join(join(columns, i), 'key'));
    if (!keys.includes(key)) keys.push(key);
  }
  const rows = join(name, 'rows');
  const prefix = `${rows}.`;
  for (const field of Object.keys(values)) {
    if (!field.startsWith(prefix)) continue;
    const [, key] = field.slice(prefix.length).split('.');
    if (key !== undefined && key !== '' && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

function flattenTable(node: Extract<FormNode, { t: 'table' }>, value: unknown, name: string, into: FormValues): void {
  const table = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  for (const field of node.node.fields) {
    if (field.key !== 'rows') flattenNode(field.node, table[field.key], join(name, field.key), into);
  }
  const rows = Array.isArray(table.rows) ? (table.rows as Record<string, unknown>[]) : [];
  const rowsName = join(name, 'rows');
  into[countName(rowsName)] = String(rows.length);
  const keys = gridKeys(into, name);
  const allKeys = [...keys, ...rows.flatMap((r) => Object.keys(r ?? {})).filter((k, i, a) => !keys.includes(k) && a.indexOf(k) === i)];
  rows.forEach((row, r) => {
    for (const key of allKeys) {
      const cell = row?.[key];
      const cellName = join(join(rowsName, r), key);
      if (cell !== null && typeof cell === 'object') {
        const pair = cell as Record<string, unknown>;
        into[join(cellName, 'en')] = scalarText(pair.en);
        into[join(cellName, 'zh')] = scalarText(pair.zh);
        into[cellTypeName(cellName)] = 'b';
      } else {
        into[cellName] = scalarText(cell);
        into[cellTypeName(cellName)] = !(key in (row ?? {})) ? 'x' : typeof cell === 'number' ? 'n' : cell === null ? 'z' : 's';
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// values → item

const blank = (text: string) => text.trim() === '';
const normalise = (text: string) => text.replace(/\r\n?/g, '\n');

/** What a slot holds when nothing was given: absent (optional), null (nullable), or the given blank value. */
function missing(slot: Pick<FormSlot, 'optional' | 'nullable' | 'hasDefault'>, otherwise: unknown): unknown {
  if (slot.optional) return undefined;
  if (slot.nullable) return null;
  return otherwise;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmpty);
  return false;
}

export interface ParseResult {
  data: unknown;
  /** Values that could not be read at all (a JSON area that is not JSON), at their field's name. */
  problems: StoredProblem[];
}

/** The item (or sub-part) the values describe, coerced by the schema's types. */
export function parseValues(slot: FormSlot, values: FormValues, name = ''): ParseResult {
  const problems: StoredProblem[] = [];
  return { data: parseSlot(slot, values, name, problems), problems };
}

function parseSlot(slot: FormSlot, values: FormValues, name: string, problems: StoredProblem[]): unknown {
  const node = slot.node;
  switch (node.t) {
    case 'text': {
      const raw = normalise(one(values, name));
      return blank(raw) ? missing(slot, raw) : raw;
    }
    case 'number': {
      const raw = one(values, name).trim();
      if (raw === '') return missing(slot, '');
      const n = Number(raw.replace(/[,，\s]/g, ''));
      return Number.isFinite(n) ? n : raw;
    }
    case 'boolean': {
      const raw = one(values, name);
      return raw === 'true' ? true : raw === 'false' ? false : missing(slot, undefined);
    }
    case 'enum': {
      const raw = one(values, name);
      return raw === '' ? missing(slot, '') : raw;
    }
    case 'literal':
      return node.value;
    case 'json': {
      const raw = normalise(one(values, name));
      if (blank(raw)) return missing(slot, undefined);
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        problems.push({ path: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), code: 'invalid_json', message: 'not JSON' });
        return raw;
      }
    }
    case 'array': {
      let list: unknown[];
      if (isChoiceList(node)) list = many(values, name).filter((v) => node.element.node.values.includes(v));
      else {
        list = [];
        for (let i = 0; i < countOf(values, name); i++) {
          const entry = parseSlot({ ...node.element, optional: false, nullable: false }, values, join(name, i), problems);
          // A blank line of a list of words is dropped (an "Add another" left empty); blank entries of objects stay.
          if (isPrimitive(node.element.node) && (entry === '' || entry === undefined)) continue;
          list.push(entry);
        }
      }
      if (list.length > 0) return list;
      return slot.optional && one(values, countName(name)) === '0' ? [] : missing(slot, []);
    }
    case 'record': {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < countOf(values, name); i++) {
        const entry = join(name, i);
        const key = one(values, join(entry, '_key')).trim();
        const value = parseSlot(node.value, values, node.value.node.t === 'object' ? entry : join(entry, '_value'), problems);
        if (key === '' && isEmpty(value)) continue;
        record[key] = value;
      }
      return Object.keys(record).length === 0 ? missing(slot, {}) : record;
    }
    case 'object': {
      const object = parseObject(node, values, name, problems);
      return (slot.optional || slot.nullable) && isEmpty(object) ? missing(slot, object) : object;
    }
    case 'variants': {
      const chosen = node.options.find((o) => o.value === one(values, join(name, node.discriminator)));
      if (!chosen) return missing(slot, {});
      return parseObject(chosen.node, values, name, problems);
    }
    case 'table':
      return parseTable(node, values, name, problems);
  }
}

function isPrimitive(node: FormNode): boolean {
  return node.t === 'text' || node.t === 'number' || node.t === 'enum' || node.t === 'boolean';
}

function parseObject(node: Extract<FormNode, { t: 'object' }>, values: FormValues, name: string, problems: StoredProblem[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of node.fields) {
    const value = parseSlot(field, values, join(name, field.key), problems);
    if (value !== undefined) object[field.key] = value;
  }
  return object;
}

function parseTable(node: Extract<FormNode, { t: 'table' }>, values: FormValues, name: string, problems: StoredProblem[]): Record<string, unknown> {
  const table = parseObject({ t: 'object', fields: node.node.fields.filter((f) => f.key !== 'rows') }, values, name, problems);
  const columns = (Array.isArray(table.columns) ? table.columns : []) as { key?: string; type?: string }[];
  const keys = gridKeys(values, name);
  const rowsName = join(name, 'rows');
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < countOf(values, rowsName); r++) {
    const row: Record<string, unknown> = {};
    for (const key of keys) {
      const cellName = join(join(rowsName, r), key);
      const type = one(values, cellTypeName(cellName));
      if (type === 'b' || values[join(cellName, 'en')] !== undefined) {
        row[key] = { en: normalise(one(values, join(cellName, 'en'))), zh: normalise(one(values, join(cellName, 'zh'))) };
        continue;
      }
      const raw = normalise(one(values, cellName));
      if (blank(raw)) {
        if (type === 'x') continue;
        row[key] = type === 's' && raw !== '' ? raw : type === 's' ? '' : null;
        continue;
      }
      const numeric = Number(raw.replace(/[,，\s]/g, ''));
      const column = columns.find((c) => c.key === key);
      const wantsNumber = type === 'n' || (type !== 's' && (column?.type === 'number' || column?.type === 'percent'));
      row[key] = wantsNumber && Number.isFinite(numeric) && raw.trim() !== '' ? numeric : raw;
    }
    rows.push(row);
  }
  // Keep the schema's key order (id, en, zh, columns, rows, notes) so a saved draft reads like the files.
  const ordered: Record<string, unknown> = {};
  for (const field of node.node.fields) {
    if (field.key === 'rows') ordered.rows = rows;
    else if (table[field.key] !== undefined) ordered[field.key] = table[field.key];
  }
  return ordered;
}

// ---------------------------------------------------------------------------------------------------------------
// "Add another" and "Remove"

/** One more (blank) entry at the end of the list or map `name`. */
export function addEntry(values: FormValues, name: string): FormValues {
  return { ...values, [countName(name)]: String(countOf(values, name) + 1) };
}

/** Removes entry `index` of the list or map `name`, moving the later entries up. */
export function removeEntry(values: FormValues, name: string, index: number): FormValues {
  const n = countOf(values, name);
  if (index < 0 || index >= n) return values;
  const next: FormValues = {};
  const prefix = `${name}.`;
  for (const [field, value] of Object.entries(values)) {
    const counted = field.startsWith('_n.');
    const bare = counted ? field.slice(3) : field;
    if (!bare.startsWith(prefix)) {
      next[field] = value;
      continue;
    }
    const rest = bare.slice(prefix.length);
    const dot = rest.indexOf('.');
    const head = dot < 0 ? rest : rest.slice(0, dot);
    if (!/^\d+$/.test(head)) {
      next[field] = value;
      continue;
    }
    const i = Number(head);
    if (i === index) continue;
    const moved = `${prefix}${i > index ? i - 1 : i}${dot < 0 ? '' : rest.slice(dot)}`;
    next[counted ? `_n.${moved}` : moved] = value;
  }
  next[countName(name)] = String(n - 1);
  return next;
}

/** The posted body as form values (only strings; other fields such as `_csrf` and `_op` are left to the page). */
export function valuesOfBody(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf' || key === '_op' || key === '_note') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}
