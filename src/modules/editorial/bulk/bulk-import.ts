/**
 * The bulk import of one kind: a JSON array of items or a CSV of the export's columns (csv-items.ts), read, checked
 * row by row and planned (new / changed / unchanged) — the preview — then, if nothing is wrong, committed in ONE
 * transaction: one revision per new or changed row (origin `import`, state `in_review`, so a reviewer publishes them
 * from the review queue) and one audit row `content.imported`. Unchanged rows create nothing; any failure commits
 * nothing.
 *
 * Each row is validated with the content module's validateItem against the live content WITH THE FILE'S OTHER ROWS
 * APPLIED, so a file may bring a new park and a project that refers to it. A row whose item has an open revision
 * (draft, in review, scheduled) is an error: that revision must be finished or discarded first, or the import would
 * silently compete with it.
 *
 * The preview carries the file's text (line ends normalised) back in a hidden field with its SHA-256, and the plan's
 * digest (ids, outcomes and the live revision each row is based on): the commit re-reads the same text, checks the
 * hash, plans again in its transaction and writes only when the plan is still the one shown.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CsvError, parse } from 'csv-parse/sync';
import { recordAudit, type AuditTables } from '../../../platform/audit/record-audit.js';
import type { Db } from '../../../platform/db/database.js';
import {
  canonicalJson, CONTENT_KINDS, insertRevision, lockPublishing, readLiveSet, validateItem, withItem,
  type ContentKind, type ContentSet, type StoredProblem,
} from '../../content/index.js';
import { columnOfHeader, itemOfRow, type Column } from './csv-items.js';

export const BULK_LIMITS = { maxBytes: 4 * 1024 * 1024, maxRows: 2_000, maxFilename: 200, maxNote: 500 } as const;

export type FileRefusal = 'no_input' | 'empty' | 'too_large' | 'not_utf8' | 'utf16' | 'not_json' | 'not_array' | 'not_csv' | 'no_rows' | 'too_many_rows';

export class BulkFileRefused extends Error {
  constructor(readonly refusal: FileRefusal, readonly detail: string | number | null = null) {
    super(`Import file refused: ${refusal}`);
    this.name = 'BulkFileRefused';
  }
}

export interface BulkText {
  text: string;
  sha256: string;
  filename: string;
  format: 'json' | 'csv';
}

/** A problem of one row (row 1 of a CSV is its header; a JSON file's rows are its items, from 1). */
export interface RowProblem extends StoredProblem {
  row: number;
  itemId: string | null;
  /** The column as the file names it (CSV), when the problem is a cell's. */
  column?: string;
}

export interface PlannedRow {
  row: number;
  id: string;
  outcome: 'new' | 'changed' | 'unchanged';
  /** The changed fields' paths (leaf level), for a changed row. */
  changed: (string | number)[][];
  item: Record<string, unknown>;
  basedOn: string | null;
}

export interface BulkPlan {
  kind: ContentKind;
  rows: PlannedRow[];
  problems: RowProblem[];
  /** Rows read from the file (planned or failed). */
  total: number;
  digest: string;
}

export const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function safeFilename(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, BULK_LIMITS.maxFilename);
}

function formatOf(text: string, filename: string): 'json' | 'csv' {
  if (/\.json$/i.test(filename)) return 'json';
  if (/\.csv$/i.test(filename)) return 'csv';
  return /^\s*\[/.test(text) ? 'json' : 'csv';
}

/** Text as it is checked, hashed and carried to the commit: BOM removed, line ends normalised. */
export function bulkTextOf(text: string, filename: string, format?: string): BulkText {
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (Buffer.byteLength(clean, 'utf8') > BULK_LIMITS.maxBytes) throw new BulkFileRefused('too_large');
  if (clean.trim() === '') throw new BulkFileRefused('empty');
  const name = safeFilename(filename);
  return { text: clean, sha256: sha256Of(clean), filename: name, format: format === 'json' || format === 'csv' ? format : formatOf(clean, name) };
}

/** A file's bytes: UTF-8 only (a GBK or UTF-16 file is refused rather than read as mojibake). */
export function bulkFileOf(bytes: Buffer, filename: string): BulkText {
  if (bytes.length > BULK_LIMITS.maxBytes) throw new BulkFileRefused('too_large');
  if (bytes.length === 0) throw new BulkFileRefused('empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new BulkFileRefused('utf16');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BulkFileRefused('not_utf8');
  }
  return bulkTextOf(text, filename);
}

interface ReadRow {
  row: number;
  raw: Record<string, unknown> | null;
  problems: RowProblem[];
}

function readJson(text: string): ReadRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BulkFileRefused('not_json', (error as Error).message.slice(0, 200));
  }
  if (!Array.isArray(parsed)) throw new BulkFileRefused('not_array');
  if (parsed.length === 0) throw new BulkFileRefused('no_rows');
  if (parsed.length > BULK_LIMITS.maxRows) throw new BulkFileRefused('too_many_rows', BULK_LIMITS.maxRows);
  return parsed.map((raw, index) => {
    const row = index + 1;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      return { row, raw: null, problems: [{ row, itemId: null, path: [], code: 'not_object', message: 'not an object' }] };
    }
    return { row, raw: raw as Record<string, unknown>, problems: [] };
  });
}

type Path = (string | number)[];
const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
const startsWith = (long: readonly PropertyKey[], short: readonly PropertyKey[]) => long.length > short.length && short.every((s, i) => String(s) === String(long[i]));

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

function setAt(root: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let node = root as Record<string, unknown>;
  for (const segment of path.slice(0, -1)) {
    const next = node[String(segment)];
    if (next === null || typeof next !== 'object') return;
    node = next as Record<string, unknown>;
  }
  const last = String(path[path.length - 1]);
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * A CSV row completed where empty cells lose information the schema needs: a required field that allows null (a
 * contact without a district) becomes null, and a required object or list whose cells are all empty becomes an empty
 * one, so the problem is reported at the field inside it that is missing ("Name (Chinese)"), not at the whole block.
 */
export function completeRow(kind: ContentKind, raw: Record<string, unknown>, columns: readonly Path[]): Record<string, unknown> {
  const item = structuredClone(raw);
  const tried = new Set<string>();
  for (let round = 0; round < 8; round++) {
    const result = CONTENT_KINDS[kind].safeParse(item);
    if (result.success) return item;
    // A problem at a field the row leaves out (zod says "expected …, received undefined", or for a choice "invalid option").
    const missing = result.error.issues.filter((i) => i.path.length > 0 && valueAt(item, i.path) === undefined && !tried.has(i.path.join('.')));
    if (missing.length === 0) return item;
    let changed = false;
    for (const issue of missing) {
      tried.add(issue.path.join('.'));
      if (columns.some((c) => samePath(c, issue.path))) {
        setAt(item, issue.path, null);
        const again = CONTENT_KINDS[kind].safeParse(item);
        if (!again.success && again.error.issues.some((i) => samePath(i.path, issue.path))) setAt(item, issue.path, undefined);
        else changed = true;
        continue;
      }
      const inner = columns.find((c) => startsWith(c, issue.path));
      if (inner) {
        setAt(item, issue.path, typeof inner[issue.path.length] === 'number' ? [] : {});
        changed = true;
      }
    }
    if (!changed) return item;
  }
  return item;
}

function readCsv(text: string, kind: ContentKind): { rows: ReadRow[]; headerProblems: RowProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: false, relax_column_count: true, to: BULK_LIMITS.maxRows + 2, max_record_size: 1_000_000 });
  } catch (error) {
    if (error instanceof CsvError) throw new BulkFileRefused('not_csv', Number(error.lines ?? 0));
    throw error;
  }
  const [header = [], ...rest] = records;
  const headerProblems: RowProblem[] = [];
  const columns: (Column | null)[] = header.map((cell) => {
    const column = columnOfHeader(cell);
    if (!column && cell.trim() !== '') headerProblems.push({ row: 1, itemId: null, path: [], column: cell, code: 'bad_column', message: `not a column: ${cell}` });
    return column;
  });
  const seen = new Set<string>();
  for (const column of columns) {
    if (!column) continue;
    const key = column.path.join('.');
    if (seen.has(key)) headerProblems.push({ row: 1, itemId: null, path: column.path, column: column.header, code: 'duplicate_column', message: `two columns for ${key}` });
    seen.add(key);
  }
  if (!columns.some((c) => c?.header === 'id')) headerProblems.push({ row: 1, itemId: null, path: ['id'], column: 'id', code: 'no_id_column', message: 'no id column' });
  const rows = rest
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new BulkFileRefused('no_rows');
  if (rows.length > BULK_LIMITS.maxRows) throw new BulkFileRefused('too_many_rows', BULK_LIMITS.maxRows);
  const usable = columns.map((c) => c ?? { header: '', path: ['__ignored__'], type: 'text' as const });
  return {
    headerProblems,
    rows: rows.map(({ row, cells }) => {
      const read = itemOfRow(usable, cells);
      delete read.item.__ignored__;
      const item = completeRow(kind, read.item, columns.filter((c): c is Column => c !== null).map((c) => c.path));
      const problems = read.problems;
      const id = typeof item.id === 'string' ? item.id : null;
      return {
        row,
        raw: item,
        problems: problems.map((p) => ({ row, itemId: id, path: p.column.path, column: p.column.header, code: `cell_${p.code}`, message: `cannot read ${p.value}`, params: { value: p.value.slice(0, 100) } })),
      };
    }),
  };
}

/** The leaf paths where two values differ (lists compared element by element). */
export function changedPaths(before: unknown, after: unknown, path: (string | number)[] = []): (string | number)[][] {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: (string | number)[][] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...changedPaths(before[i], after[i], [...path, i]));
    return out;
  }
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedPaths(before[key], after[key], [...path, key]));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [path];
}

const OPEN_STATES = ['draft', 'in_review', 'scheduled'] as const;

/** Reads and checks a file against the live content in `db` (the preview; the commit runs it in its transaction). */
export async function planBulkImport(db: Db, kind: ContentKind, input: BulkText, live?: ContentSet): Promise<BulkPlan> {
  const { rows: read, headerProblems } = input.format === 'json' ? { rows: readJson(input.text), headerProblems: [] as RowProblem[] } : readCsv(input.text, kind);
  const problems: RowProblem[] = [...headerProblems];
  const liveSet = live ?? (await readLiveSet(db));
  const liveById = new Map((liveSet[kind] as unknown as { id: string }[]).map((item) => [item.id, item]));
  // First pass: each row's id and its schema check, so the set the rows are checked against holds the others.
  const counts = new Map<string, number>();
  for (const r of read) if (typeof r.raw?.id === 'string') counts.set(r.raw.id, (counts.get(r.raw.id) ?? 0) + 1);
  const schema = CONTENT_KINDS[kind];
  const parsedRows = read.map((r) => {
    const id = typeof r.raw?.id === 'string' ? r.raw.id : null;
    const parsed = r.raw ? schema.safeParse(r.raw) : null;
    return { ...r, id, item: parsed?.success ? (parsed.data as { id: string }) : null };
  });
  let set = liveSet;
  for (const r of parsedRows) if (r.item && r.id && counts.get(r.id) === 1) set = withItem(set, kind, r.id, r.item);
  const ids = [...counts.keys()];
  const open = ids.length === 0 ? [] : await db.selectFrom('content_revisions').select(['item_id', 'id']).where('kind', '=', kind).where('item_id', 'in', ids).where('state', 'in', [...OPEN_STATES]).execute();
  const openIds = new Map(open.map((o) => [o.item_id, String(o.id)]));
  const liveRevisions = ids.length === 0 ? [] : await db.selectFrom('content_items').select(['id', 'revision_id']).where('kind', '=', kind).where('id', 'in', ids).execute();
  const basedOnOf = new Map(liveRevisions.map((r) => [r.id, r.revision_id === null ? null : String(r.revision_id)]));
  const rows: PlannedRow[] = [];
  for (const r of parsedRows) {
    const rowProblems: RowProblem[] = [...r.problems];
    const at = (p: StoredProblem): RowProblem => ({ ...p, row: r.row, itemId: r.id });
    if (r.raw && r.id === null) rowProblems.push(at({ path: ['id'], code: r.raw.id === undefined ? 'missing_id' : 'invalid_type', message: 'every row needs the item’s id' }));
    if (r.id !== null && (counts.get(r.id) ?? 0) > 1) rowProblems.push(at({ path: ['id'], code: 'duplicate_in_file', message: `id ${r.id} is in the file more than once` }));
    if (r.id !== null && openIds.has(r.id)) rowProblems.push(at({ path: [], code: 'open_revision', message: 'finish or discard the open revision first', params: { revision: openIds.get(r.id) } }));
    let item: Record<string, unknown> | null = null;
    if (r.raw && r.id !== null && rowProblems.length === 0) {
      const checked = validateItem(kind, r.id, r.raw, set);
      rowProblems.push(...checked.problems.map(at));
      item = checked.item as Record<string, unknown> | null;
    }
    if (rowProblems.length > 0 || !item || r.id === null) {
      problems.push(...rowProblems);
      continue;
    }
    const before = liveById.get(r.id);
    const changed = before ? changedPaths(before, item) : [];
    rows.push({ row: r.row, id: r.id, outcome: !before ? 'new' : changed.length > 0 ? 'changed' : 'unchanged', changed, item, basedOn: basedOnOf.get(r.id) ?? null });
  }
  const digest = sha256Of(JSON.stringify(rows.map((r) => [r.id, r.outcome, r.basedOn])));
  return { kind, rows, problems, total: read.length, digest };
}

/** The import was not written: the file now has problems, or the plan is not the one the preview showed. */
export class BulkNotCommitted extends Error {
  constructor(readonly plan: BulkPlan) {
    super(plan.problems.length > 0 ? 'The import has problems.' : 'The import would do something else than its preview.');
    this.name = 'BulkNotCommitted';
  }
}

export interface BulkCommitResult {
  created: number;
  changed: number;
  unchanged: number;
  revisions: string[];
}

/**
 * Writes the import in one transaction (see the file comment): re-plans inside it (imports and publishing serialised
 * on the publishing lock, so no open revision can appear between the check and the insert), refuses when the plan has
 * problems or differs from `digest`.
 */
export async function commitBulkImport(
  db: Db,
  actor: { userId: string; requestId?: string | null },
  kind: ContentKind,
  input: BulkText,
  options: { digest: string; note: string; now: Date },
): Promise<BulkCommitResult> {
  return db.transaction().execute(async (trx) => {
    await lockPublishing(trx);
    const plan = await planBulkImport(trx, kind, input);
    if (plan.problems.length > 0 || plan.digest !== options.digest) throw new BulkNotCommitted(plan);
    const writes = plan.rows.filter((r) => r.outcome !== 'unchanged');
    // Every row unchanged: the import changes nothing, so it writes nothing (no revision, no audit row).
    if (writes.length === 0) return { created: 0, changed: 0, unchanged: plan.rows.length, revisions: [] };
    const revisions: string[] = [];
    for (const row of writes) {
      revisions.push(await insertRevision(trx, {
        kind, itemId: row.id, data: row.item, state: 'in_review', origin: 'import', basedOn: row.basedOn, note: options.note,
        createdBy: actor.userId, submittedBy: actor.userId, now: options.now,
      }));
    }
    const created = writes.filter((r) => r.outcome === 'new');
    const changed = writes.filter((r) => r.outcome === 'changed');
    const unchanged = plan.rows.length - writes.length;
    await recordAudit(trx as unknown as Kysely<AuditTables>, {
      at: options.now, actor: actor.userId, action: 'content.imported', entity: 'content_import', entityId: `${kind}/${input.sha256.slice(0, 16)}`,
      after: {
        kind, filename: input.filename, format: input.format, sha256: input.sha256, note: options.note,
        created: created.length, changed: changed.length, unchanged,
        created_ids: created.map((r) => r.id), changed_ids: changed.map((r) => r.id), revisions,
      },
      requestId: actor.requestId ?? null,
    });
    return { created: created.length, changed: changed.length, unchanged, revisions };
  });
}
