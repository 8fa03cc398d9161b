/**
 * The editorial workflow: drafts, review, publishing (now or scheduled), expiry, restore, verification and the seed
 * files' conflicts. Every step checks who acts and in which state the revision is, runs in one transaction and writes
 * its audit row in that transaction. Publishing goes through the content module's applyRevisions (one new content
 * version; every process refreshes on its next poll).
 */
import { sql } from 'kysely';
import type { StaffRole } from '../../platform/auth/index.js';
import type { Kysely } from 'kysely';
import { recordAudit, type AuditTables } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/database.js';
import { todayInBeijing } from '../../platform/clock.js';
import {
  applyRevisions, CONTENT_KINDS, ContentReferenceError, findRevision, insertRevision, liveRevisionId, readLiveSet, validateItem,
  type ContentKind, type ContentService, type ContentSet, type Revision, type StoredProblem,
} from '../content/index.js';
import { canEdit, needsSecondPerson } from './editorial-access.js';

export interface EditorialContext {
  db: Db;
  content: ContentService;
  now: () => Date;
}

export interface Actor {
  userId: string;
  role: StaffRole;
  requestId?: string | null;
}

export type RefusalReason =
  | 'not_found'
  | 'not_allowed'
  | 'wrong_state'
  | 'has_problems'
  | 'second_person'
  | 'stale'
  | 'open_revision'
  | 'exists'
  | 'not_live'
  | 'references'
  | 'in_past';

/** A step that cannot be taken: the reason (said in the reader's language by the pages) and what it concerns. */
export class WorkflowRefusal extends Error {
  constructor(readonly reason: RefusalReason, readonly details: { revisionId?: string; problems?: (StoredProblem & { kind?: string; itemId?: string | null })[] } = {}) {
    super(`content workflow refused: ${reason}`);
    this.name = 'WorkflowRefusal';
  }
}

const OPEN_STATES = ['draft', 'in_review', 'scheduled'] as const;

/** The live content as a set (from the process's read model: what validation compares a draft with). */
export function liveSetOf(ctx: Pick<EditorialContext, 'content'>): ContentSet {
  const store = ctx.content.store;
  return Object.fromEntries((Object.keys(CONTENT_KINDS) as ContentKind[]).map((kind) => [kind, store.all(kind)])) as unknown as ContentSet;
}

/** The open (draft, in review or scheduled) revision of an item, if any: an item has at most one at a time. */
export async function openRevisionOf(db: Db, kind: ContentKind, itemId: string): Promise<Revision | null> {
  const row = await db
    .selectFrom('content_revisions')
    .select('id')
    .where('kind', '=', kind)
    .where('item_id', '=', itemId)
    .where('state', 'in', [...OPEN_STATES])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? findRevision(db, String(row.id)) : null;
}

/** The step's transaction as the audit writer takes it (the content tables' Db type lacks the audit table, not the table). */
function asAudit(trx: Db): Kysely<AuditTables> {
  return trx as unknown as Kysely<AuditTables>;
}

function requireEditor(actor: Actor): void {
  if (!canEdit(actor.role)) throw new WorkflowRefusal('not_allowed');
}

async function revisionOr404(db: Db, id: string): Promise<Revision> {
  const revision = await findRevision(db, id);
  if (!revision) throw new WorkflowRefusal('not_found');
  return revision;
}

function auditEntity(revision: Pick<Revision, 'kind' | 'itemId'>): { entity: string; entityId: string } {
  return { entity: 'content_item', entityId: `${revision.kind}/${revision.itemId}` };
}

export interface DraftInput {
  kind: ContentKind;
  itemId: string;
  /** The item as the form or import hands it in (validated here; kept with its problems when invalid). */
  data: Record<string, unknown> | null;
  note?: string | null;
  /** The draft being edited; absent to start one. */
  revisionId?: string;
  /** Starting a new item (its id must be free). */
  isNew?: boolean;
  origin?: 'staff' | 'import' | 'restore';
}

/**
 * Saves a draft: creates one (from the live item, a new item, an import row or a restore) or updates the actor's
 * draft. Invalid data is kept with its problems (nothing an editor typed is lost); it cannot be submitted until valid.
 */
export async function saveDraft(ctx: EditorialContext, actor: Actor, input: DraftInput): Promise<{ revisionId: string; problems: StoredProblem[] }> {
  requireEditor(actor);
  const now = ctx.now();
  const problems = input.data === null ? [] : validateItem(input.kind, input.itemId, input.data, liveSetOf(ctx)).problems;
  return ctx.db.transaction().execute(async (trx) => {
    if (input.revisionId) {
      const revision = await revisionOr404(trx, input.revisionId);
      if (revision.kind !== input.kind || revision.itemId !== input.itemId) throw new WorkflowRefusal('not_found');
      if (revision.state !== 'draft') throw new WorkflowRefusal('wrong_state', { revisionId: revision.id });
      await trx
        .updateTable('content_revisions')
        .set({
          data: input.data === null ? null : JSON.stringify(input.data),
          problems: JSON.stringify(problems),
          note: input.note ?? revision.note,
          updated_at: now,
          editors: sql<string[]>`(SELECT array_agg(DISTINCT e) FROM unnest(array_append(editors, ${actor.userId}::uuid)) AS e)`,
        })
        .where('id', '=', revision.id)
        .execute();
      await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.draft_saved', ...auditEntity(revision), after: { revision: revision.id, problems: problems.length }, requestId: actor.requestId });
      return { revisionId: revision.id, problems };
    }
    const open = await openRevisionOf(trx, input.kind, input.itemId);
    if (open) throw new WorkflowRefusal('open_revision', { revisionId: open.id });
    const live = await liveRevisionId(trx, input.kind, input.itemId);
    if (input.isNew && live) throw new WorkflowRefusal('exists');
    const revisionId = await insertRevision(trx, {
      kind: input.kind, itemId: input.itemId, data: input.data, state: 'draft', origin: input.origin ?? 'staff', basedOn: live,
      problems, note: input.note ?? null, createdBy: actor.userId, now,
    });
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.draft_started', entity: 'content_item', entityId: `${input.kind}/${input.itemId}`, after: { revision: revisionId, origin: input.origin ?? 'staff', problems: problems.length }, requestId: actor.requestId });
    return { revisionId, problems };
  });
}

/** Checks a revision again against today's live content (another item may have changed since it was saved). */
function revalidate(ctx: EditorialContext, revision: Revision): StoredProblem[] {
  if (revision.data === null) return [];
  return validateItem(revision.kind, revision.itemId, revision.data, liveSetOf(ctx)).problems;
}

/** Draft → in review. Refused while the draft has problems. */
export async function submitForReview(ctx: EditorialContext, actor: Actor, revisionId: string): Promise<void> {
  requireEditor(actor);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const revision = await revisionOr404(trx, revisionId);
    if (revision.state !== 'draft') throw new WorkflowRefusal('wrong_state', { revisionId });
    const problems = revalidate(ctx, revision);
    if (problems.length > 0) {
      await trx.updateTable('content_revisions').set({ problems: JSON.stringify(problems), updated_at: now }).where('id', '=', revisionId).execute();
      throw new WorkflowRefusal('has_problems', { revisionId, problems });
    }
    await trx
      .updateTable('content_revisions')
      .set({ state: 'in_review', submitted_by: actor.userId, submitted_at: now, updated_at: now, problems: '[]' })
      .where('id', '=', revisionId)
      .execute();
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.submitted', ...auditEntity(revision), after: { revision: revisionId }, requestId: actor.requestId });
  });
}

/** In review → draft, with the reviewer's note (or the author taking it back). */
export async function sendBack(ctx: EditorialContext, actor: Actor, revisionId: string, note: string): Promise<void> {
  requireEditor(actor);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const revision = await revisionOr404(trx, revisionId);
    if (revision.state !== 'in_review') throw new WorkflowRefusal('wrong_state', { revisionId });
    await trx
      .updateTable('content_revisions')
      .set({ state: 'draft', reviewed_by: actor.userId, reviewed_at: now, review_note: note, updated_at: now })
      .where('id', '=', revisionId)
      .execute();
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.sent_back', ...auditEntity(revision), after: { revision: revisionId, note }, requestId: actor.requestId });
  });
}

/** May `actor` publish `revision` now? (The second-person rule for policies and rules.) */
export function publishRefusal(actor: Actor, revision: Revision): RefusalReason | null {
  if (!canEdit(actor.role)) return 'not_allowed';
  if (needsSecondPerson(revision.kind)) {
    if (revision.state !== 'in_review') return 'wrong_state';
    if (revision.editors.includes(actor.userId) || revision.createdBy === actor.userId || revision.submittedBy === actor.userId) return 'second_person';
    return null;
  }
  return revision.state === 'draft' || revision.state === 'in_review' ? null : 'wrong_state';
}

/**
 * Rules about a policy that is being withdrawn go with it (a rule cannot name a policy that is not on the site): their
 * withdrawal revisions are added to the same publication.
 */
async function cascadeWithdrawals(trx: Db, revision: Revision, actor: string | null, now: Date): Promise<string[]> {
  if (revision.data !== null || revision.kind !== 'policies') return [];
  const set = await readLiveSet(trx);
  const ids: string[] = [];
  for (const rule of set.rules.filter((r) => r.policy === revision.itemId)) {
    const open = await openRevisionOf(trx, 'rules', rule.id);
    if (open) await trx.updateTable('content_revisions').set({ state: 'discarded', updated_at: now }).where('id', '=', open.id).execute();
    ids.push(await insertRevision(trx, {
      kind: 'rules', itemId: rule.id, data: null, state: 'draft', origin: 'schedule', basedOn: await liveRevisionId(trx, 'rules', rule.id),
      note: `withdrawn with policy ${revision.itemId}`, createdBy: actor, now,
    }));
  }
  return ids;
}

/** Applies one revision (and its cascade) now, inside `trx`; returns the content version. */
async function publishNow(trx: Db, revision: Revision, actor: string | null, now: Date): Promise<number> {
  const live = await liveRevisionId(trx, revision.kind, revision.itemId);
  // Someone published this item after the draft was started: publishing would silently undo their change.
  if (live !== revision.basedOn) throw new WorkflowRefusal('stale', { revisionId: revision.id });
  if (revision.data === null && !live) throw new WorkflowRefusal('not_live', { revisionId: revision.id });
  const cascade = await cascadeWithdrawals(trx, revision, actor, now);
  try {
    const version = await applyRevisions(trx, [revision.id, ...cascade], { actor, now });
    return version as number;
  } catch (error) {
    if (error instanceof ContentReferenceError) throw new WorkflowRefusal('references', { revisionId: revision.id, problems: error.problems });
    throw error;
  }
}

/**
 * Publishes a revision now, or schedules it for `publishAt` (a future moment; left out, the moment the revision
 * already carries — an expiry in review — when still ahead; null: now). For policies and rules the actor must be a
 * second person and the revision in review. Returns the new content version (null when scheduled).
 */
export async function publish(ctx: EditorialContext, actor: Actor, revisionId: string, options: { publishAt?: Date | null; note?: string | null } = {}): Promise<number | null> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const revision = await revisionOr404(trx, revisionId);
    const refusal = publishRefusal(actor, revision);
    if (refusal) throw new WorkflowRefusal(refusal, { revisionId });
    const problems = revalidate(ctx, revision);
    if (problems.length > 0) throw new WorkflowRefusal('has_problems', { revisionId, problems });
    // Checked again just now: problems stored earlier (a failed scheduled run) no longer hold, and the publishing
    // primitive refuses a revision that still lists any.
    const reviewed = { reviewed_by: actor.userId, reviewed_at: now, review_note: options.note ?? revision.reviewNote, updated_at: now, problems: '[]' };
    const before = await trx.selectFrom('content_items').select('data').where('kind', '=', revision.kind).where('id', '=', revision.itemId).executeTakeFirst();
    // An expiry waiting in review carries its moment: approving it schedules it then (or applies it, once due).
    const publishAt = options.publishAt !== undefined ? options.publishAt : revision.publishAt && revision.publishAt.getTime() > now.getTime() ? revision.publishAt : null;
    if (publishAt && publishAt.getTime() > now.getTime()) {
      await trx.updateTable('content_revisions').set({ ...reviewed, state: 'scheduled', publish_at: publishAt }).where('id', '=', revisionId).execute();
      await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.scheduled', ...auditEntity(revision), after: { revision: revisionId, publish_at: publishAt.toISOString() }, requestId: actor.requestId });
      return null;
    }
    if (publishAt) throw new WorkflowRefusal('in_past', { revisionId });
    await trx.updateTable('content_revisions').set(reviewed).where('id', '=', revisionId).execute();
    const version = await publishNow(trx, revision, actor.userId, now);
    await recordAudit(asAudit(trx), {
      at: now, actor: actor.userId, action: revision.data === null ? 'content.withdrawn' : 'content.published', ...auditEntity(revision),
      before: before ? { data: before.data } : null, after: { revision: revisionId, version, data: revision.data }, requestId: actor.requestId,
    });
    return version;
  });
}

/** Cancels a draft, a submission or a schedule. */
export async function discard(ctx: EditorialContext, actor: Actor, revisionId: string): Promise<void> {
  requireEditor(actor);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const revision = await revisionOr404(trx, revisionId);
    if (!['draft', 'in_review', 'scheduled', 'conflict'].includes(revision.state)) throw new WorkflowRefusal('wrong_state', { revisionId });
    await trx.updateTable('content_revisions').set({ state: 'discarded', updated_at: now }).where('id', '=', revisionId).execute();
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.discarded', ...auditEntity(revision), before: { state: revision.state }, after: { revision: revisionId }, requestId: actor.requestId });
  });
}

/** Starts a draft holding an earlier revision's content (or its withdrawal): restoring goes through review like any edit. */
export async function restore(ctx: EditorialContext, actor: Actor, fromRevisionId: string): Promise<{ revisionId: string; problems: StoredProblem[] }> {
  const from = await revisionOr404(ctx.db, fromRevisionId);
  if (from.state !== 'published' && from.state !== 'conflict') throw new WorkflowRefusal('wrong_state', { revisionId: fromRevisionId });
  return saveDraft(ctx, actor, { kind: from.kind, itemId: from.itemId, data: from.data, origin: 'restore', note: `restored from revision ${from.id}` });
}

/**
 * Schedules an item's expiry (a policy's end of validity): a withdrawal revision due at `at`. For policies and rules it
 * waits in review for a second person; other kinds are scheduled at once.
 */
export async function scheduleExpiry(ctx: EditorialContext, actor: Actor, kind: ContentKind, itemId: string, at: Date, note: string | null): Promise<string> {
  requireEditor(actor);
  const now = ctx.now();
  if (at.getTime() <= now.getTime()) throw new WorkflowRefusal('in_past');
  return ctx.db.transaction().execute(async (trx) => {
    const live = await liveRevisionId(trx, kind, itemId);
    if (!live) throw new WorkflowRefusal('not_live');
    const open = await openRevisionOf(trx, kind, itemId);
    if (open) throw new WorkflowRefusal('open_revision', { revisionId: open.id });
    const state = needsSecondPerson(kind) ? 'in_review' : 'scheduled';
    const revisionId = await insertRevision(trx, { kind, itemId, data: null, state, origin: 'staff', basedOn: live, note, createdBy: actor.userId, now, publishAt: at });
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.expiry_scheduled', entity: 'content_item', entityId: `${kind}/${itemId}`, after: { revision: revisionId, expire_at: at.toISOString(), state }, requestId: actor.requestId });
    return revisionId;
  });
}

/**
 * Records that an editor checked a live item against its sources today: a revision changing only `last_verified`,
 * published at once (no fact changes, so no second person is needed).
 */
export async function markVerified(ctx: EditorialContext, actor: Actor, kind: ContentKind, itemId: string): Promise<number> {
  requireEditor(actor);
  const now = ctx.now();
  // Today in Beijing: an editor checking at 07:30 Beijing time verifies on that day, not on UTC's yesterday.
  const today = todayInBeijing(now);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('content_items').select(['data', 'revision_id']).where('kind', '=', kind).where('id', '=', itemId).executeTakeFirst();
    if (!row) throw new WorkflowRefusal('not_live');
    const open = await openRevisionOf(trx, kind, itemId);
    if (open) throw new WorkflowRefusal('open_revision', { revisionId: open.id });
    if (!('last_verified' in row.data)) throw new WorkflowRefusal('not_allowed');
    const data = { ...row.data, last_verified: today };
    const revisionId = await insertRevision(trx, { kind, itemId, data, state: 'draft', origin: 'staff', basedOn: row.revision_id === null ? null : String(row.revision_id), note: 'verified against the sources', createdBy: actor.userId, now });
    const version = (await applyRevisions(trx, [revisionId], { actor: actor.userId, now })) as number;
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.verified', entity: 'content_item', entityId: `${kind}/${itemId}`, before: { last_verified: row.data.last_verified ?? null }, after: { revision: revisionId, last_verified: today, version }, requestId: actor.requestId });
    return version;
  });
}

/** A seed conflict: `adopt` starts a draft with the files' version (then reviewed as usual), `dismiss` keeps the staff edit. */
export async function resolveConflict(ctx: EditorialContext, actor: Actor, revisionId: string, choice: 'adopt' | 'dismiss'): Promise<string | null> {
  requireEditor(actor);
  const conflict = await revisionOr404(ctx.db, revisionId);
  if (conflict.state !== 'conflict') throw new WorkflowRefusal('wrong_state', { revisionId });
  // Adopting starts a draft: refused before the conflict is resolved, so a refusal leaves the conflict open.
  if (choice === 'adopt') {
    const open = await openRevisionOf(ctx.db, conflict.kind, conflict.itemId);
    if (open) throw new WorkflowRefusal('open_revision', { revisionId: open.id });
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('content_revisions').set({ state: 'discarded', updated_at: now, reviewed_by: actor.userId, reviewed_at: now, review_note: choice }).where('id', '=', revisionId).execute();
    await recordAudit(asAudit(trx), { at: now, actor: actor.userId, action: 'content.conflict_resolved', ...auditEntity(conflict), after: { revision: revisionId, choice }, requestId: actor.requestId });
  });
  if (choice === 'dismiss') return null;
  const { revisionId: draft } = await saveDraft(ctx, actor, { kind: conflict.kind, itemId: conflict.itemId, data: conflict.data, note: `the seed files' version (revision ${conflict.id})` });
  return draft;
}

/**
 * The scheduler (the worker's periodic sweep): publishes every scheduled revision that is due. A revision that can no
 * longer be published (the item changed meanwhile, or a reference broke) goes back to draft with the reason as its
 * problem, and the audit says so.
 */
export async function publishDue(ctx: Pick<EditorialContext, 'db' | 'now'>): Promise<{ published: string[]; failed: string[] }> {
  const now = ctx.now();
  const due = await ctx.db.selectFrom('content_revisions').select('id').where('state', '=', 'scheduled').where('publish_at', '<=', now).orderBy('publish_at').orderBy('id').execute();
  const published: string[] = [];
  const failed: string[] = [];
  for (const { id } of due) {
    const revisionId = String(id);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const revision = await findRevision(trx, revisionId);
        if (!revision || revision.state !== 'scheduled') return;
        const version = await publishNow(trx, revision, null, now);
        await recordAudit(asAudit(trx), { at: now, actor: null, action: revision.data === null ? 'content.expired' : 'content.published', ...auditEntity(revision), after: { revision: revisionId, version, scheduled: true } });
      });
      published.push(revisionId);
    } catch (error) {
      if (!(error instanceof WorkflowRefusal)) throw error;
      const problems: StoredProblem[] = error.details.problems?.map(({ path, code, message, params }) => ({ path, code, message, params })) ?? [{ path: [], code: error.reason, message: `could not be published on schedule: ${error.reason}` }];
      await ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('content_revisions').set({ state: 'draft', problems: JSON.stringify(problems), updated_at: now }).where('id', '=', revisionId).where('state', '=', 'scheduled').execute();
        const revision = await findRevision(trx, revisionId);
        if (revision) await recordAudit(asAudit(trx), { at: now, actor: null, action: 'content.schedule_failed', ...auditEntity(revision), after: { revision: revisionId, reason: error.reason } });
      });
      failed.push(revisionId);
    }
  }
  return { published, failed };
}
