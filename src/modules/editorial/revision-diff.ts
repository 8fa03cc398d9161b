/**
 * A readable diff between two versions of one item: both are flattened to field paths (['en', 'summary'],
 * ['sources', 0, 'section']), and each path that differs is listed once — changed, added or removed — in the order of
 * the kind's schema (jsonb keeps its own key order, so the schema decides), named by its field label. Changed text is
 * compared word by word (character by character for Chinese, which has no spaces between words).
 */
import { diffChars, diffWordsWithSpace, type Change } from 'diff';
import type { Lang } from '../../platform/i18n/i18n.js';
import { CONTENT_KINDS, type ContentKind } from '../content/index.js';
import { fieldLabel } from './field-labels.js';

export type FieldPath = readonly (string | number)[];

/** One run of a changed text: kept, removed or added. */
export interface TextPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export interface FieldChange {
  path: FieldPath;
  label: string;
  change: 'changed' | 'added' | 'removed';
  /** The values as text (absent on the side where the field does not exist). */
  before?: string;
  after?: string;
  /** For a changed text: the word- (or character-) level runs. */
  parts?: TextPart[];
}

export interface RevisionDiff {
  /** The item leaves the site (the newer version is a withdrawal). */
  withdrawal: boolean;
  /** The item is new (there is no older version): every field is listed as added. */
  isNew: boolean;
  changes: FieldChange[];
}

type Leaf = string | number | boolean | null;

/** Every leaf (text, number, yes/no, null) of `value` with its path; an empty list or object has none. */
export function flatten(value: unknown, prefix: FieldPath = []): Map<string, { path: FieldPath; value: Leaf }> {
  const out = new Map<string, { path: FieldPath; value: Leaf }>();
  const walk = (v: unknown, path: FieldPath) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) walk(x, [...path, key]);
    } else if (v !== undefined) {
      out.set(JSON.stringify(path), { path, value: v as Leaf });
    }
  };
  walk(value, prefix);
  return out;
}

interface ZodLike {
  def?: { type?: string; innerType?: ZodLike; element?: ZodLike; shape?: Record<string, ZodLike>; in?: ZodLike; out?: ZodLike; options?: ZodLike[]; getter?: () => ZodLike };
}

/** The schema beneath wrappers (optional, nullable, default, pipe, lazy…). */
function unwrap(schema: ZodLike | undefined): ZodLike | undefined {
  let s = schema;
  for (let i = 0; i < 20 && s?.def; i++) {
    const d = s.def;
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe') s = d.in?.def?.type === 'transform' ? d.out : d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else break;
  }
  return s;
}

function childSchema(schema: ZodLike | undefined, key: string | number): ZodLike | undefined {
  const s = unwrap(schema);
  if (!s?.def) return undefined;
  if (typeof key === 'number') return s.def.type === 'array' ? s.def.element : undefined;
  if (s.def.type === 'object') return s.def.shape?.[key];
  if (s.def.type === 'union') {
    for (const option of s.def.options ?? []) {
      const found = childSchema(option, key);
      if (found) return found;
    }
  }
  return undefined;
}

function keyIndex(schema: ZodLike | undefined, key: string): number {
  const s = unwrap(schema);
  const keys: string[] = [];
  if (s?.def?.type === 'object') keys.push(...Object.keys(s.def.shape ?? {}));
  else if (s?.def?.type === 'union') for (const o of s.def.options ?? []) { const u = unwrap(o); if (u?.def?.type === 'object') keys.push(...Object.keys(u.def.shape ?? {})); }
  const i = keys.indexOf(key);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/** Orders paths as the kind's schema lists its fields (indices by number; fields the schema lacks last, by name). */
export function schemaOrder(kind: ContentKind): (a: FieldPath, b: FieldPath) => number {
  const root = CONTENT_KINDS[kind] as unknown as ZodLike;
  return (a, b) => {
    let schema: ZodLike | undefined = root;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const x = a[i];
      const y = b[i];
      if (x !== y) {
        if (typeof x === 'number' && typeof y === 'number') return x - y;
        if (typeof x === 'number') return -1;
        if (typeof y === 'number') return 1;
        const d = keyIndex(schema, x) - keyIndex(schema, y);
        return d !== 0 ? d : x < y ? -1 : 1;
      }
      schema = childSchema(schema, x);
    }
    return a.length - b.length;
  };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Is the text at `path` Chinese? (A `zh` segment, or Chinese characters in it.) */
function isChinese(path: FieldPath, before: string, after: string): boolean {
  return path.includes('zh') || path.some((p) => typeof p === 'string' && p.endsWith('_zh')) || CJK.test(before) || CJK.test(after);
}

/**
 * The runs of a changed text. When little of it stayed (under a third of the longer text), the old and the new text
 * are shown whole, one removed and one added: word-by-word runs of a rewritten sentence are unreadable.
 */
export function textParts(path: FieldPath, before: string, after: string): TextPart[] {
  const changes: Change[] = isChinese(path, before, after) ? diffChars(before, after) : diffWordsWithSpace(before, after);
  const kept = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.value.trim().length, 0);
  if (kept * 3 < Math.max(before.trim().length, after.trim().length)) {
    return [
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(before && after ? [{ kind: 'same' as const, text: ' ' }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ];
  }
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

function asText(value: Leaf): string {
  return value === null ? '—' : String(value);
}

/**
 * What changed from `before` to `after` (either may be null: a new item, or a withdrawal), field by field in schema
 * order, labelled in `lang`.
 */
export function diffItems(lang: Lang, kind: ContentKind, before: Record<string, unknown> | null, after: Record<string, unknown> | null): RevisionDiff {
  const withdrawal = after === null && before !== null;
  const isNew = before === null && after !== null;
  if (withdrawal) return { withdrawal, isNew, changes: [] };
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const changes: FieldChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const old = a.get(key);
    const now = b.get(key);
    const path = (old ?? now)!.path;
    const label = fieldLabel(lang, kind, path);
    if (old && now) {
      if (JSON.stringify(old.value) === JSON.stringify(now.value)) continue;
      const change: FieldChange = { path, label, change: 'changed', before: asText(old.value), after: asText(now.value) };
      if (typeof old.value === 'string' && typeof now.value === 'string') change.parts = textParts(path, old.value, now.value);
      changes.push(change);
    } else if (now) {
      changes.push({ path, label, change: 'added', after: asText(now.value) });
    } else if (old) {
      changes.push({ path, label, change: 'removed', before: asText(old.value) });
    }
  }
  const order = schemaOrder(kind);
  changes.sort((x, y) => order(x.path, y.path));
  return { withdrawal, isNew, changes };
}
