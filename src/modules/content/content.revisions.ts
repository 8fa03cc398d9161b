/**
 * Revisions and publishing. Every change to live content goes through `applyRevisions`, inside the caller's
 * transaction: it takes the publishing lock, applies the revisions to content_items, checks that every reference in
 * the resulting content still resolves, and records one new content version — which every process's ContentService
 * notices on its next poll (CONTENT_POLL_MS), so caches and the search index refresh everywhere.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, RevisionOrigin, RevisionState, StoredProblem } from '../../platform/db/schema.js';
import type { ContentSet } from './content.files.js';
import { CONTENT_KINDS, type ContentKind } from './content.schemas.js';
import { referenceProblems } from './content.validate.js';
import { createHash } from 'node:crypto';

type Trx = Kysely<Database>;

/** Any number, the same in every process: publishing (loads, staff, the scheduler) is serialised on it. */
const PUBLISH_LOCK = 7_312_001;

export interface Revision {
  id: string;
  kind: ContentKind;
  itemId: string;
  data: Record<string, unknown> | null;
  state: RevisionState;
  origin: RevisionOrigin;
  basedOn: string | null;
  problems: StoredProblem[];
  note: string | null;
  createdBy: string | null;
  editors: string[];
  createdAt: Date;
  updatedAt: Date;
  submittedBy: string | null;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  publishAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  contentVersion: number | null;
}

export const REVISION_COLUMNS = [
  'id', 'kind', 'item_id', 'data', 'state', 'origin', 'based_on', 'problems', 'note', 'created_by', 'editors', 'created_at', 'updated_at',
  'submitted_by', 'submitted_at', 'reviewed_by', 'reviewed_at', 'review_note', 'publish_at', 'published_by', 'published_at', 'content_version',
] as const;

type RevisionRow = Pick<Database['content_revisions'], never> & Record<(typeof REVISION_COLUMNS)[number], unknown>;

export function revisionOf(row: RevisionRow): Revision {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));
  return {
    id: String(row.id),
    kind: row.kind as ContentKind,
    itemId: row.item_id as string,
    data: (row.data as Record<string, unknown> | null) ?? null,
    state: row.state as RevisionState,
    origin: row.origin as RevisionOrigin,
    basedOn: row.based_on === null ? null : String(row.based_on),
    problems: (row.problems as StoredProblem[]) ?? [],
    note: (row.note as string | null) ?? null,
    createdBy: (row.created_by as string | null) ?? null,
    editors: (row.editors as string[] | null) ?? [],
    createdAt: new Date(row.created_at as string | Date),
    updatedAt: new Date(row.updated_at as string | Date),
    submittedBy: (row.submitted_by as string | null) ?? null,
    submittedAt: date(row.submitted_at),
    reviewedBy: (row.reviewed_by as string | null) ?? null,
    reviewedAt: date(row.reviewed_at),
    reviewNote: (row.review_note as string | null) ?? null,
    publishAt: date(row.publish_at),
    publishedBy: (row.published_by as string | null) ?? null,
    publishedAt: date(row.published_at),
    contentVersion: (row.content_version as number | null) ?? null,
  };
}

export async function findRevision(db: Trx, id: string): Promise<Revision | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = await db.selectFrom('content_revisions').select(REVISION_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? revisionOf(row as RevisionRow) : null;
}

/** Every revision of one item, newest first. */
export async function revisionsOfItem(db: Trx, kind: ContentKind, itemId: string): Promise<Revision[]> {
  const rows = await db.selectFrom('content_revisions').select(REVISION_COLUMNS).where('kind', '=', kind).where('item_id', '=', itemId).orderBy('id', 'desc').execute();
  return rows.map((row) => revisionOf(row as RevisionRow));
}

/** The live copy's revision id of an item (null when the item is not on the site). */
export async function liveRevisionId(db: Trx, kind: ContentKind, itemId: string): Promise<string | null> {
  const row = await db.selectFrom('content_items').select('revision_id').where('kind', '=', kind).where('id', '=', itemId).executeTakeFirst();
  return row?.revision_id === undefined || row.revision_id === null ? null : String(row.revision_id);
}

export interface NewRevision {
  kind: ContentKind;
  itemId: string;
  data: Record<string, unknown> | null;
  state: RevisionState;
  origin: RevisionOrigin;
  basedOn?: string | null;
  problems?: StoredProblem[];
  note?: string | null;
  createdBy: string | null;
  now: Date;
  submittedBy?: string | null;
  publishAt?: Date | null;
}

export async function insertRevision(db: Trx, revision: NewRevision): Promise<string> {
  const submitted = revision.state === 'in_review' || revision.state === 'scheduled';
  const row = await db
    .insertInto('content_revisions')
    .values({
      kind: revision.kind,
      item_id: revision.itemId,
      data: revision.data === null ? null : JSON.stringify(revision.data),
      state: revision.state,
      origin: revision.origin,
      based_on: revision.basedOn ?? null,
      problems: JSON.stringify(revision.problems ?? []),
      note: revision.note ?? null,
      created_by: revision.createdBy,
      editors: revision.createdBy ? [revision.createdBy] : [],
      created_at: revision.now,
      updated_at: revision.now,
      submitted_by: submitted ? (revision.submittedBy ?? revision.createdBy) : null,
      submitted_at: submitted ? revision.now : null,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
      publish_at: revision.publishAt ?? null,
      published_by: null,
      published_at: null,
      content_version: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** The live content as a set (every kind present), read inside the publishing transaction. */
export async function readLiveSet(db: Trx): Promise<ContentSet> {
  const set = Object.fromEntries((Object.keys(CONTENT_KINDS) as ContentKind[]).map((k) => [k, [] as unknown[]])) as Record<string, unknown[]>;
  const rows = await db.selectFrom('content_items').select(['kind', 'id', 'data']).orderBy('kind').orderBy('id').execute();
  for (const row of rows) set[row.kind]?.push(row.data);
  return set as unknown as ContentSet;
}

/** Publishing would leave references that resolve to nothing: nothing was changed. */
export class ContentReferenceError extends Error {
  constructor(readonly problems: (StoredProblem & { kind: string; itemId: string | null })[]) {
    super(`Publishing would break ${problems.length} reference${problems.length === 1 ? '' : 's'}: ` +
      problems.slice(0, 5).map((p) => `${p.kind}/${p.itemId} ${p.path.join('.')}: ${p.message}`).join('; '));
    this.name = 'ContentReferenceError';
  }
}

/** A revision that cannot be published as asked (already published, discarded, invalid). */
export class RevisionStateError extends Error {
  constructor(readonly revisionId: string, readonly state: string) {
    super(`Revision ${revisionId} is ${state} and cannot be published`);
    this.name = 'RevisionStateError';
  }
}

export function checksumOfSet(set: ContentSet): string {
  return createHash('sha256').update(JSON.stringify(set)).digest('hex');
}

/** Takes the publishing lock for the rest of the transaction. */
export async function lockPublishing(db: Trx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`.execute(db);
}

export interface ApplyOptions {
  actor: string | null;
  now: Date;
  /** Stored as the version's files checksum (the loader's skip check); null for staff changes. */
  filesChecksum?: string | null;
}

/**
 * Publishes the revisions `ids` (draft, in review, scheduled or seed) in one new content version, inside `db` (a
 * transaction the caller opened, so its audit row commits with it). Returns the new version, or null when `ids` is
 * empty. Throws ContentReferenceError when the result would hold a reference to nothing, RevisionStateError when a
 * revision is already published, discarded or has problems.
 */
export async function applyRevisions(db: Trx, ids: readonly string[], options: ApplyOptions): Promise<number | null> {
  if (ids.length === 0) return null;
  await lockPublishing(db);
  const rows = await db.selectFrom('content_revisions').select(REVISION_COLUMNS).where('id', 'in', [...ids]).orderBy('id').forUpdate().execute();
  const revisions = rows.map((row) => revisionOf(row as RevisionRow));
  for (const revision of revisions) {
    if (!['draft', 'in_review', 'scheduled', 'conflict'].includes(revision.state) || revision.problems.length > 0) {
      throw new RevisionStateError(revision.id, revision.problems.length > 0 ? 'invalid' : revision.state);
    }
  }
  const twice = revisions.filter((r, i) => revisions.findIndex((o) => o.kind === r.kind && o.itemId === r.itemId) !== i);
  if (twice.length > 0) {
    throw new ContentReferenceError(twice.map((r) => ({ kind: r.kind, itemId: r.itemId, path: ['id'], code: 'duplicate_id', message: 'duplicate id', params: {} })));
  }
  let set = await readLiveSet(db);
  const mutable = set as unknown as Record<string, { id: string }[]>;
  for (const revision of revisions) {
    const rest = mutable[revision.kind].filter((item) => item.id !== revision.itemId);
    mutable[revision.kind] = revision.data === null ? rest : [...rest, revision.data as { id: string }];
  }
  set = mutable as unknown as ContentSet;
  const broken = referenceProblems(set);
  if (broken.length > 0) throw new ContentReferenceError(broken);

  const counts = Object.fromEntries(Object.entries(set).map(([kind, items]) => [kind, (items as unknown[]).length]));
  const { version } = await db
    .insertInto('content_versions')
    .values({ checksum: checksumOfSet(set), files_checksum: options.filesChecksum ?? null, counts: JSON.stringify(counts) })
    .returning('version')
    .executeTakeFirstOrThrow();
  const withdrawn = revisions.filter((r) => r.data === null);
  for (const kind of new Set(withdrawn.map((r) => r.kind))) {
    await db.deleteFrom('content_items').where('kind', '=', kind).where('id', 'in', withdrawn.filter((r) => r.kind === kind).map((r) => r.itemId)).execute();
  }
  const upserts = revisions
    .filter((r) => r.data !== null)
    .map((r) => ({ kind: r.kind, id: r.itemId, data: JSON.stringify(r.data), version, revision_id: r.id }));
  // Batches keep each statement's parameter count well under PostgreSQL's 65,535 limit (a first load is ~1,200 items).
  for (let i = 0; i < upserts.length; i += 500) {
    await db
      .insertInto('content_items')
      .values(upserts.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), version: eb.ref('excluded.version'), revision_id: eb.ref('excluded.revision_id') })))
      .execute();
  }
  await db
    .updateTable('content_revisions')
    .set({ state: 'published', published_at: options.now, published_by: options.actor, content_version: version, updated_at: options.now })
    .where('id', 'in', revisions.map((r) => r.id))
    .execute();
  return version;
}
