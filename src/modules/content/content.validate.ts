/**
 * Validation of one item as an editor or an import hands it in: its kind's schema, then the references it makes and
 * the references other items make to it, checked against the rest of the live content. Problems keep zod's issue code
 * and details so forms can say them in the reader's language.
 */
import type { z } from 'zod';
import type { StoredProblem } from '../../platform/db/schema.js';
import { checkReferences, type ContentProblem, type ContentSet } from './content.files.js';
import { CONTENT_KINDS, type ContentItem, type ContentKind } from './content.schemas.js';

export type { StoredProblem } from '../../platform/db/schema.js';

export interface ItemValidation<K extends ContentKind = ContentKind> {
  /** The parsed item (defaults filled in) when the schema accepts it. */
  item: ContentItem<K> | null;
  problems: StoredProblem[];
}

const PARAM_KEYS = ['minimum', 'maximum', 'inclusive', 'origin', 'expected', 'values', 'format', 'keys', 'pattern', 'received'] as const;

export function problemsOfZod(issues: readonly z.core.$ZodIssue[]): StoredProblem[] {
  return issues.map((issue) => {
    const params: Record<string, unknown> = {};
    for (const key of PARAM_KEYS) {
      const value = (issue as unknown as Record<string, unknown>)[key];
      if (value !== undefined && typeof value !== 'function') params[key] = typeof value === 'bigint' ? Number(value) : value;
    }
    return {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      code: issue.code,
      message: issue.message,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}

function pathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `set` with the item `id` of `kind` replaced by `item` (or removed when `item` is null). */
export function withItem(set: ContentSet, kind: ContentKind, id: string, item: unknown | null): ContentSet {
  const next = { ...set } as Record<ContentKind, unknown[]>;
  const rest = (set[kind] as { id: string }[]).filter((other) => other.id !== id);
  next[kind] = item === null ? rest : [...rest, item];
  return next as ContentSet;
}

/** Reference problems in `set`, as stored problems (kind and item named, since they may be another item's). */
export function referenceProblems(set: ContentSet): (StoredProblem & { kind: string; itemId: string | null })[] {
  const found: ContentProblem[] = [];
  checkReferences(set, found);
  return found.map((p) => ({
    kind: p.file.replace(/^content\//, ''),
    itemId: p.itemId,
    path: pathOf(p.field),
    code: p.message === 'duplicate id' ? 'duplicate_id' : 'unknown_reference',
    message: p.message,
    params: { reference: /"(.*)"/.exec(p.message)?.[1] ?? null },
  }));
}

/**
 * Validates `raw` as an item of `kind` with id `id` against the live `set`. The id in the data must be `id` (an item's
 * id is its address and never changes through an edit).
 */
export function validateItem<K extends ContentKind>(kind: K, id: string, raw: unknown, set: ContentSet): ItemValidation<K> {
  const result = (CONTENT_KINDS[kind] as z.ZodType).safeParse(raw);
  if (!result.success) return { item: null, problems: problemsOfZod(result.error.issues) };
  const item = result.data as ContentItem<K>;
  if ((item as { id: string }).id !== id) {
    return { item: null, problems: [{ path: ['id'], code: 'id_changed', message: `the id must stay "${id}"`, params: { expected: id } }] };
  }
  const problems = referenceProblems(withItem(set, kind, id, item))
    .filter((p) => p.kind === kind && p.itemId === id)
    .map(({ path, code, message, params }) => ({ path, code, message, params }));
  return { item: problems.length === 0 ? item : null, problems };
}

/** What withdrawing an item would break: the other items that refer to it. */
export function dependentsOf(set: ContentSet, kind: ContentKind, id: string): { kind: string; itemId: string; field: string }[] {
  return referenceProblems(withItem(set, kind, id, null))
    .filter((p) => p.params?.reference === id && p.itemId !== null)
    .map((p) => ({ kind: p.kind, itemId: p.itemId as string, field: p.path.join('.') }));
}
