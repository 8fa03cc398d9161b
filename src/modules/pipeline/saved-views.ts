/**
 * A person's saved views of the project list: a name and the list's query string. Per person only (nobody else
 * sees or opens them), names unique per person, at most MAX_SAVED_VIEWS each. The stored query is only ever read
 * back through the list's form parser (list.form.ts), so a view saved before a filter changed shows its errors
 * instead of filtering by something that no longer exists.
 *
 * Saving and removing are audited like every staff change; one person's saves are serialised on their staff_users
 * row, so two saves at once cannot both pass the limit.
 */
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { PipelineDb } from './pipeline.tables.js';

export const MAX_SAVED_VIEWS = 50;
export const MAX_VIEW_NAME = 100;

export interface SavedView {
  id: string;
  name: string;
  query: string;
}

export type SaveRefusal = 'duplicate' | 'full';

export class SavedViewError extends Error {
  constructor(readonly reason: SaveRefusal) {
    super(reason === 'duplicate' ? 'A saved view with this name exists.' : `At most ${MAX_SAVED_VIEWS} saved views per person.`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function savedViewsOf(db: PipelineDb, userId: string): Promise<SavedView[]> {
  return db.selectFrom('pipeline_saved_views').select(['id', 'name', 'query']).where('staff_user_id', '=', userId).orderBy('name').limit(MAX_SAVED_VIEWS).execute();
}

interface Acting {
  userId: string;
  now: Date;
  requestId?: string | null;
}

/** Saves `query` under `name` for the person; refuses a name they already use, and a 51st view. */
export async function saveView(db: PipelineDb, acting: Acting, name: string, query: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('staff_users').select('id').where('id', '=', acting.userId).forUpdate().executeTakeFirstOrThrow();
    const mine = await trx.selectFrom('pipeline_saved_views').select(['name']).where('staff_user_id', '=', acting.userId).execute();
    if (mine.some((view) => view.name === name)) throw new SavedViewError('duplicate');
    if (mine.length >= MAX_SAVED_VIEWS) throw new SavedViewError('full');
    const { id } = await trx
      .insertInto('pipeline_saved_views')
      .values({ staff_user_id: acting.userId, name, query, created_at: acting.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { at: acting.now, actor: acting.userId, action: 'pipeline.view_saved', entity: 'pipeline_saved_view', entityId: id, after: { name, query }, requestId: acting.requestId });
    return id;
  });
}

/** Removes one of the person's own views; false when they have none with this id (someone else's included). */
export async function removeView(db: PipelineDb, acting: Acting, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('pipeline_saved_views').where('id', '=', id).where('staff_user_id', '=', acting.userId).returning(['name', 'query']).executeTakeFirst();
    if (!removed) return false;
    await recordAudit(trx, { at: acting.now, actor: acting.userId, action: 'pipeline.view_removed', entity: 'pipeline_saved_view', entityId: id, before: removed, requestId: acting.requestId });
    return true;
  });
}
