/**
 * Writes the published content back to files in the content/ layout, for review in git (issue #12: "an export writes
 * the current published content back to files").
 *
 * Placement follows the target directory as it is: each item goes into the file that holds its id today, at its place
 * there; items no file holds are appended (sorted by id) to `<folder>/added-by-editors.json`, or for a kind whose
 * items live in one fixed file (rules/rules.json, market-access/lists.json, …) to that file; items no longer published
 * are dropped, and a file left empty is deleted. Each item is parsed again through its kind's schema, so its keys come
 * out in schema order (jsonb stores keys in its own order), and every file is written as
 * `JSON.stringify(items, null, 2) + '\n'` — the form the files under content/ are kept in, so loading content/ and
 * exporting it again gives the same bytes.
 *
 * Records (free-keyed objects: a table row, a fact's value terms) have no schema order: a row's cells follow its
 * table's columns, and any record whose keys are the ones the file already has keeps the file's order.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { ContentSet } from './content.files.js';
import { readLiveSet } from './content.revisions.js';
import { CONTENT_FILES, CONTENT_KINDS, type ContentKind } from './content.schemas.js';
import type { ContentStore } from './content.store.js';

/** Where a kind's items that no file holds yet are written, when its folder takes any file name. */
export const ADDED_FILE = 'added-by-editors.json';

/** The kinds whose items all sit in one file of a shared folder (CONTENT_FILES names it by a filter). */
export const FIXED_FILES: Partial<Record<ContentKind, string>> = {
  'rule-facts': 'facts.json',
  'rule-parameters': 'parameters.json',
  rules: 'rules.json',
  'market-access-lists': 'lists.json',
  'service-limits': 'limits.json',
  'service-topics': 'topics.json',
  'service-reply-templates': 'reply-templates.json',
};

export interface ExportFile {
  /** Path relative to the export directory, with forward slashes (e.g. "contacts/municipal.json"). */
  file: string;
  kind: ContentKind;
  items: number;
}

export interface ExportResult {
  /** Files whose bytes changed (created or rewritten). */
  written: ExportFile[];
  /** Files that already held exactly the export. */
  unchanged: ExportFile[];
  /** Files left with no published item, removed. */
  deleted: { file: string; kind: ContentKind }[];
}

type Item = Record<string, unknown> & { id: string };

export function placeOf(kind: ContentKind): { folder: string; file: (name: string) => boolean } {
  return CONTENT_FILES[kind] ?? { folder: kind, file: () => true };
}

/** The file that takes a kind's items no file holds yet. */
export function addedFileOf(kind: ContentKind): string {
  return FIXED_FILES[kind] ?? ADDED_FILE;
}

async function jsonFilesIn(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A table's rows with their cells in the order of the table's columns (cells no column names keep their order). */
function orderTableRows(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderTableRows);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = orderTableRows(child);
  if (Array.isArray(out.columns) && Array.isArray(out.rows)) {
    const keys = out.columns.map((c) => (isPlainObject(c) ? c.key : undefined)).filter((k): k is string => typeof k === 'string');
    out.rows = out.rows.map((row) => {
      if (!isPlainObject(row)) return row;
      const ordered: Record<string, unknown> = {};
      for (const key of keys) if (key in row) ordered[key] = row[key];
      for (const [key, cell] of Object.entries(row)) if (!(key in ordered)) ordered[key] = cell;
      return ordered;
    });
  }
  return out;
}

/** `value` with every object whose key set equals the one at the same place in `before` in `before`'s key order. */
function orderLike(value: unknown, before: unknown): unknown {
  if (Array.isArray(value)) return value.map((child, i) => orderLike(child, Array.isArray(before) ? before[i] : undefined));
  if (!isPlainObject(value)) return value;
  const old = isPlainObject(before) ? before : undefined;
  const keys = Object.keys(value);
  const sameKeys = old !== undefined && Object.keys(old).length === keys.length && keys.every((k) => k in old);
  const order = sameKeys ? Object.keys(old) : keys;
  return Object.fromEntries(order.map((key) => [key, orderLike(value[key], old?.[key])]));
}

/** The item as the files hold it: parsed by its kind's schema (schema key order, defaults filled in). */
export function fileFormOf(kind: ContentKind, item: unknown, before?: unknown): Item {
  const parsed = (CONTENT_KINDS[kind] as z.ZodType).parse(item);
  return orderLike(orderTableRows(parsed), before) as Item;
}

/** The text of a content file holding `items`. */
export function fileText(items: readonly unknown[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}

/** The published content of a store, as a set. */
export function setOfStore(store: ContentStore): ContentSet {
  return Object.fromEntries((Object.keys(CONTENT_KINDS) as ContentKind[]).map((kind) => [kind, store.all(kind)])) as unknown as ContentSet;
}

/** Reads the published content from the database (content_items). */
export async function publishedSet(db: Db): Promise<ContentSet> {
  return readLiveSet(db);
}

/** What the export would write into `dir`: each file's text, null for a file to delete. Reads `dir`, writes nothing. */
export async function planExport(set: ContentSet, dir: string): Promise<Map<string, { kind: ContentKind; text: string | null; items: number; before: string | null }>> {
  const plan = new Map<string, { kind: ContentKind; text: string | null; items: number; before: string | null }>();
  for (const kind of Object.keys(CONTENT_KINDS) as ContentKind[]) {
    const place = placeOf(kind);
    const published = new Map((set[kind] as unknown as Item[]).map((item) => [item.id, item]));
    const placed = new Set<string>();
    const files: { name: string; items: Item[]; before: string }[] = [];
    for (const name of (await jsonFilesIn(path.join(dir, place.folder))).filter((n) => place.file(n))) {
      const before = await readFile(path.join(dir, place.folder, name), 'utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(before);
      } catch (error) {
        throw new Error(`${place.folder}/${name} is not valid JSON (${(error as Error).message}): fix or remove it before exporting`);
      }
      if (!Array.isArray(parsed)) throw new Error(`${place.folder}/${name} is not a JSON array of items: fix or remove it before exporting`);
      const items: Item[] = [];
      for (const old of parsed) {
        const id = isPlainObject(old) && typeof old.id === 'string' ? old.id : null;
        const item = id === null ? undefined : published.get(id);
        if (!item || placed.has(item.id)) continue;
        placed.add(item.id);
        items.push(fileFormOf(kind, item, old));
      }
      files.push({ name, items, before });
    }
    const added = [...published.values()].filter((item) => !placed.has(item.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (added.length > 0) {
      const name = addedFileOf(kind);
      let target = files.find((f) => f.name === name);
      if (!target) files.push((target = { name, items: [], before: '' }));
      target.items.push(...added.map((item) => fileFormOf(kind, item)));
    }
    for (const file of files) {
      const key = `${place.folder}/${file.name}`;
      const exists = file.before !== '' || plan.has(key);
      if (file.items.length === 0) {
        if (exists) plan.set(key, { kind, text: null, items: 0, before: file.before });
        continue;
      }
      plan.set(key, { kind, text: fileText(file.items), items: file.items.length, before: exists ? file.before : null });
    }
  }
  return plan;
}

/** Writes `set` into `dir` (see the file comment); creates folders as needed. */
export async function exportContent(set: ContentSet, dir: string): Promise<ExportResult> {
  const plan = await planExport(set, dir);
  const result: ExportResult = { written: [], unchanged: [], deleted: [] };
  for (const [file, entry] of [...plan].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = path.join(dir, ...file.split('/'));
    if (entry.text === null) {
      await rm(target, { force: true });
      result.deleted.push({ file, kind: entry.kind });
      continue;
    }
    if (entry.before === entry.text) {
      result.unchanged.push({ file, kind: entry.kind, items: entry.items });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.text, 'utf8');
    result.written.push({ file, kind: entry.kind, items: entry.items });
  }
  return result;
}

/**
 * Whether `dir` may be written by an export: it does not exist, is empty, or looks like a content directory (it holds
 * at least one of the kinds' folders and nothing but folders and text files at its top). Guards against
 * `--out ~` or `--out src` deleting or overwriting unrelated JSON files.
 */
export async function exportTargetRefusal(dir: string): Promise<string | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return `${dir} is a file, not a directory`;
    throw error;
  }
  const visible = names.filter((n) => !n.startsWith('.'));
  if (visible.length === 0) return null;
  const folders = new Set((Object.keys(CONTENT_KINDS) as ContentKind[]).map((kind) => placeOf(kind).folder));
  if (!visible.some((n) => folders.has(n))) {
    return `${dir} is not empty and holds none of the content folders (${[...folders].slice(0, 4).join(', ')}, …): refusing to write there`;
  }
  return null;
}
