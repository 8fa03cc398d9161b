/**
 * Loads the content files into the database. A load is skipped when the files are byte-identical to the
 * latest loaded version (checksum), which keeps restarts fast; `force` loads anyway.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { readContent, type ContentSet } from './content.files.js';
import { sql } from 'kysely';
import { findLatestVersion, listContentIds, setFilesChecksum } from './content.repository.js';
import { applyRevisions, lockPublishing } from './content.revisions.js';
import { CONTENT_KINDS, type ContentKind } from './content.schemas.js';

export interface LoadResult {
  version: number;
  loaded: boolean;
  counts: Record<string, number>;
  /** What this load removed compared with the database (only with `allowRemovals`). */
  removals?: Removal[];
  /** Items the files changed after a staff edit: not published, waiting for an editor (all open ones, not only new). */
  conflicts: Conflict[];
  /** Live items the files lack that staff made or changed: kept. */
  kept: { kind: string; id: string }[];
}

export interface LoadOptions {
  force?: boolean;
  /**
   * Load even when items or whole kinds the database holds are missing from the new set. Without it such a load is
   * refused (ContentRemovalError): a deleted file or folder must not empty part of the live site silently.
   */
  allowRemovals?: boolean;
}

/** Items of one kind that the database holds and a load would drop. */
export interface Removal {
  kind: string;
  /** How many items of the kind would go, and how many the database holds. */
  count: number;
  stored: number;
  /** Every item of the kind would go. */
  wholeKind: boolean;
  /** The removed ids, sorted. */
  ids: string[];
}

export function describeRemovals(removals: Removal[], shown = 5): string {
  return removals
    .map((r) => {
      const first = r.ids.slice(0, shown).join(', ') + (r.ids.length > shown ? `, … and ${r.ids.length - shown} more` : '');
      return `  ${r.kind}: ${r.wholeKind ? `all ${r.count} items — the whole kind would be empty` : `${r.count} of ${r.stored} items`} (${first})`;
    })
    .join('\n');
}

export class ContentRemovalError extends Error {
  constructor(readonly removals: Removal[]) {
    const total = removals.reduce((n, r) => n + r.count, 0);
    super(
      `Refusing to load: the content would remove ${total} item${total === 1 ? '' : 's'} that the database holds ` +
        `(${removals.map((r) => `${r.kind} ${r.count}`).join(', ')}):\n${describeRemovals(removals)}\n` +
        'A deleted or misplaced file or folder is the usual cause: restore it and load again. If the removals are ' +
        'intended, load with --allow-removals (npm run content:load -- --allow-removals).',
    );
    this.name = 'ContentRemovalError';
  }
}

/** What loading `set` would remove from the database: per kind, the stored ids that `set` lacks. */
export async function removalsOf(db: Db, set: ContentSet): Promise<Removal[]> {
  const stored = new Map<string, string[]>();
  for (const row of await listContentIds(db)) {
    const ids = stored.get(row.kind) ?? [];
    ids.push(row.id);
    stored.set(row.kind, ids);
  }
  const removals: Removal[] = [];
  // Only kinds the code knows: a kind dropped from the schemas is a deliberate change, not a lost file.
  for (const kind of Object.keys(set) as ContentKind[]) {
    const before = stored.get(kind) ?? [];
    if (before.length === 0) continue;
    const kept = new Set(set[kind].map((item) => item.id));
    const ids = before.filter((id) => !kept.has(id)).sort();
    if (ids.length > 0) removals.push({ kind, count: ids.length, stored: before.length, wholeKind: ids.length === before.length, ids });
  }
  return removals;
}

export function checksumOf(set: ContentSet): string {
  return createHash('sha256').update(JSON.stringify(set)).digest('hex');
}

export function countsOf(set: ContentSet): Record<string, number> {
  return Object.fromEntries(Object.entries(set).map(([kind, items]) => [kind, items.length]));
}

/**
 * sha256 over every content file's path and bytes and over the schemas (as JSON Schema, so a new field or default
 * counts as a change): equal means the last load's validated items are still what the files and code say.
 */
export async function filesChecksumOf(contentDir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(CONTENT_KINDS).map(([kind, schema]) => [kind, z.toJSONSchema(schema as z.ZodType, { io: 'output', unrepresentable: 'any' })])));
  const files = (await readdir(contentDir, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) hash.update(`\0${file}\0`).update(await readFile(path.join(contentDir, file)));
  return hash.digest('hex');
}

/** JSON with keys sorted at every level: jsonb keeps its own key order, so stored and file items compare by this. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * Loads `set` (the seed files' content) as revisions. Per item: unchanged since the last seed revision → nothing;
 * changed, and no staff revision (draft, review, scheduled or published) came after the last seed revision → a new
 * seed revision, published; changed while a newer staff edit exists → a `conflict` revision that is not published
 * and is reported (an editor decides on the editorial page). Live items the files lack are withdrawn when they came
 * from the seed (refused without `allowRemovals`), kept and reported when staff made or changed them.
 */
export async function loadContentSet(db: Db, set: ContentSet, options: LoadOptions & { filesChecksum?: string; now?: Date } = {}): Promise<LoadResult> {
  const checksum = checksumOf(set);
  const counts = countsOf(set);
  const latest = await findLatestVersion(db);
  if (latest && latest.checksum === checksum && !options.force) return { version: latest.version, loaded: false, counts, conflicts: await openConflicts(db), kept: [] };
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    await lockPublishing(trx);
    const plan = await planSeedLoad(trx, set);
    if (plan.removals.length > 0 && !options.allowRemovals) throw new ContentRemovalError(plan.removals);
    const ids: string[] = [];
    const rows = [
      ...plan.publish.map((item) => ({ ...item, state: 'draft' as const })),
      ...plan.withdraw.map((item) => ({ ...item, data: null, state: 'draft' as const })),
      ...plan.conflicts.map((item) => ({ ...item, state: 'conflict' as const })),
    ];
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await trx
        .insertInto('content_revisions')
        .values(rows.slice(i, i + 500).map((r) => ({
          kind: r.kind, item_id: r.id, data: r.data === null ? null : JSON.stringify(r.data), state: r.state, origin: 'seed' as const,
          based_on: r.basedOn, note: r.state === 'conflict' ? 'The seed files changed this item after a staff edit' : null,
          created_by: null, created_at: now, updated_at: now,
        })))
        .returning(['id', 'state'])
        .execute();
      ids.push(...inserted.filter((row) => row.state === 'draft').map((row) => String(row.id)));
    }
    const version = await applyRevisions(trx, ids, { actor: null, now, filesChecksum: options.filesChecksum ?? null });
    const conflicts = await openConflicts(trx);
    // When the site now holds exactly the files' items, the version carries the set's checksum: the next identical
    // load is skipped without comparing item by item.
    const current = version ?? latest?.version;
    if (current !== undefined && conflicts.length === 0 && (await staffItemsLive(trx)) === 0) {
      await trx.updateTable('content_versions').set({ checksum }).where('version', '=', current).execute();
    }
    if (version === null) return { version: latest?.version ?? 0, loaded: false, counts, conflicts, kept: plan.kept };
    return { version, loaded: true, counts, conflicts, kept: plan.kept, ...(plan.removals.length > 0 ? { removals: plan.removals } : {}) };
  });
}

interface PlannedItem {
  kind: ContentKind;
  id: string;
  data: Record<string, unknown> | null;
  basedOn: string | null;
}

/** What a seed load changes, decided item by item against the stored revisions (see loadContentSet). */
async function planSeedLoad(db: Db, set: ContentSet) {
  const live = new Map<string, { revisionId: string | null; origin: string | null }>();
  const liveRows = await db
    .selectFrom('content_items as c')
    .leftJoin('content_revisions as r', 'r.id', 'c.revision_id')
    .select(['c.kind', 'c.id', 'c.revision_id', 'r.origin'])
    .execute();
  for (const row of liveRows) live.set(`${row.kind}/${row.id}`, { revisionId: row.revision_id === null ? null : String(row.revision_id), origin: row.origin });
  // The newest seed revision of each item and whether any staff revision came after it.
  const { rows: history } = await sql<{ kind: string; item_id: string; seed_id: string | null; seed_data: unknown; staff_after: boolean }>`
    SELECT kind, item_id,
      max(id) FILTER (WHERE origin = 'seed') AS seed_id,
      (array_agg(data ORDER BY id DESC) FILTER (WHERE origin = 'seed'))[1] AS seed_data,
      bool_or(origin <> 'seed' AND state IN ('draft', 'in_review', 'scheduled', 'published')
        AND id > coalesce((SELECT max(s.id) FROM content_revisions s WHERE s.kind = r.kind AND s.item_id = r.item_id AND s.origin = 'seed'), 0)) AS staff_after
    FROM content_revisions r
    GROUP BY kind, item_id`.execute(db);
  const stored = new Map(history.map((h) => [`${h.kind}/${h.item_id}`, h]));
  const publish: PlannedItem[] = [];
  const conflicts: PlannedItem[] = [];
  const withdraw: PlannedItem[] = [];
  const kept: { kind: string; id: string }[] = [];
  const inFiles = new Set<string>();
  for (const kind of Object.keys(set) as ContentKind[]) {
    for (const item of set[kind] as { id: string }[]) {
      const key = `${kind}/${item.id}`;
      inFiles.add(key);
      const before = stored.get(key);
      if (before?.seed_id && canonicalJson(before.seed_data) === canonicalJson(item)) continue;
      const planned = { kind, id: item.id, data: item as unknown as Record<string, unknown>, basedOn: live.get(key)?.revisionId ?? null };
      (before?.staff_after ? conflicts : publish).push(planned);
    }
  }
  const removed = new Map<string, string[]>();
  for (const [key, entry] of live) {
    if (inFiles.has(key)) continue;
    const [kind, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    // Only kinds the code knows: a kind dropped from the schemas is a deliberate change, not a lost file.
    if (!(kind in set)) continue;
    if (entry.origin !== 'seed' || stored.get(key)?.staff_after) {
      kept.push({ kind, id });
      continue;
    }
    withdraw.push({ kind: kind as ContentKind, id, data: null, basedOn: entry.revisionId });
    removed.set(kind, [...(removed.get(kind) ?? []), id]);
  }
  const storedCount = (kind: string) => [...live.keys()].filter((key) => key.startsWith(`${kind}/`)).length;
  const removals: Removal[] = [...removed].map(([kind, ids]) => ({ kind, count: ids.length, stored: storedCount(kind), wholeKind: ids.length === storedCount(kind), ids: ids.sort() }));
  return { publish, conflicts, withdraw, kept, removals };
}

/** Live items whose revision an editor, an import or a restore made (not the seed files). */
async function staffItemsLive(db: Db): Promise<number> {
  const row = await db
    .selectFrom('content_items as c')
    .innerJoin('content_revisions as r', 'r.id', 'c.revision_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.origin', '<>', 'seed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Seed revisions waiting for an editor: the files changed an item that staff had changed. */
export async function openConflicts(db: Db): Promise<Conflict[]> {
  const rows = await db.selectFrom('content_revisions').select(['id', 'kind', 'item_id']).where('state', '=', 'conflict').orderBy('kind').orderBy('item_id').execute();
  return rows.map((row) => ({ revisionId: String(row.id), kind: row.kind, id: row.item_id }));
}

export interface Conflict {
  revisionId: string;
  kind: string;
  id: string;
}

/**
 * Validates every file under `contentDir` (throws ContentValidationError listing all problems), then loads; refuses
 * (ContentRemovalError) when the files lack items or kinds the database holds, unless `allowRemovals`.
 */
export async function loadContentDirectory(db: Db, contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const filesChecksum = await filesChecksumOf(contentDir);
  const latest = await findLatestVersion(db);
  // Unchanged files and schemas: skip reading and validating every item (measured ~0.3 s of a ~3 s restart).
  if (latest && latest.filesChecksum === filesChecksum && !options.force) return { version: latest.version, loaded: false, counts: latest.counts, conflicts: await openConflicts(db), kept: [] };
  const result = await loadContentSet(db, await readContent(contentDir), { ...options, filesChecksum });
  if (!result.loaded) await setFilesChecksum(db, result.version, filesChecksum);
  return result;
}
