/**
 * The review queue (routes.staffContentReview, readers) and its bulk publish (POST, editors): the selected revisions
 * are published one by one, each through the workflow's `publish` (so each is refused for the same reasons as on its
 * own page), and the page answers with one result per revision.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { routes } from '../../platform/http/urls.js';
import { findRevision, REVISION_COLUMNS, revisionOf, type Revision } from '../content/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { canEdit, CONTENT_EDITORS, CONTENT_READERS } from './editorial-access.js';
import type { EditorialServices } from './editorial-services.js';
import { refusalText } from './messages.js';
import { tWorkflow } from './messages.workflow.js';
import { IMPORT_NOTICE, importNoticeText } from './messages.bulk.js';
import { publish, publishRefusal, WorkflowRefusal } from './revision-workflow.js';
import { actorOf, itemTitleOf, staffNames } from './revision.pages.js';
import { ReviewView, type ReviewPageModel, type ReviewRow } from './views/review-view.js';

const MAX_BULK = 200;

export function registerReviewPages(app: FastifyInstance, services: EditorialServices): void {
  const ctx = services.context;

  const base = () => ctx.db.selectFrom('content_revisions').select(REVISION_COLUMNS);
  const asRevisions = (result: unknown[]) => (result as Parameters<typeof revisionOf>[0][]).map(revisionOf);

  async function model(request: FastifyRequest, extras: Pick<ReviewPageModel, 'results' | 'error' | 'notice'> = {}): Promise<ReviewPageModel> {
    const lang = langOf(request);
    const actor = actorOf(request);
    const live = (r: Revision) => ctx.content.store.get(r.kind, r.itemId) as unknown as Record<string, unknown> | undefined;
    const row = (r: Revision): ReviewRow => {
      const refusal = r.state === 'in_review' ? publishRefusal(actor, r) : null;
      return {
        revision: r,
        title: itemTitleOf(lang, r.data ?? live(r), r.itemId),
        refusal: refusal === null ? null : refusal === 'second_person' ? 'second_person' : 'other',
        refusalText: refusal === null ? undefined : refusalText(lang, refusal),
      };
    };
    const inReview = asRevisions(await base().where('state', '=', 'in_review').orderBy('submitted_at').orderBy('id').execute());
    const scheduled = asRevisions(await base().where('state', '=', 'scheduled').orderBy('publish_at').orderBy('id').execute());
    const conflicts = asRevisions(await base().where('state', '=', 'conflict').orderBy('kind').orderBy('item_id').execute());
    const problems = asRevisions(await base().where('state', '=', 'draft').where(sql<number>`jsonb_array_length(problems)`, '>', 0).orderBy('updated_at', 'desc').limit(100).execute());
    const recent = asRevisions(await base().where('state', '=', 'published').where('origin', '<>', 'seed').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(20).execute());
    const all = [...inReview, ...scheduled, ...conflicts, ...problems, ...recent];
    const names = await staffNames(ctx.db, all.flatMap((r) => [r.createdBy, r.submittedBy, r.reviewedBy, r.publishedBy]));
    return {
      lang,
      csrf: request.staff!.csrfToken,
      canAct: canEdit(actor.role),
      names,
      inReview: inReview.map(row),
      scheduled: scheduled.map(row),
      conflicts: conflicts.map(row),
      problems: problems.map(row),
      recent: recent.map(row),
      ...extras,
    };
  }

  function send(request: FastifyRequest, reply: FastifyReply, m: ReviewPageModel, status = 200) {
    return sendStaffPage(request, reply, m.lang, tWorkflow(m.lang, 'editorial.workflow.review.title'), <ReviewView model={m} />, status);
  }

  app.get(routes.staffContentReview, { config: { staffGuard: { roles: CONTENT_READERS } } }, async (request, reply) => {
    // The bulk import redirects here with its notice.
    const notice = (request.query as { notice?: string }).notice === IMPORT_NOTICE ? importNoticeText(langOf(request)) : undefined;
    return send(request, reply, await model(request, { notice }));
  });

  app.post(routes.staffContentReview, { config: { staffGuard: { roles: CONTENT_EDITORS } } }, async (request, reply) => {
    const lang = langOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const raw = Array.isArray(body.revision) ? body.revision : body.revision === undefined ? [] : [body.revision];
    const ids = [...new Set(raw.filter((v): v is string => typeof v === 'string' && /^\d{1,18}$/.test(v)))].slice(0, MAX_BULK);
    if (ids.length === 0) return send(request, reply, await model(request, { error: tWorkflow(lang, 'editorial.workflow.review.bulk.none') }), 400);
    const actor = actorOf(request);
    const results: NonNullable<ReviewPageModel['results']> = [];
    let published = false;
    for (const id of ids) {
      const revision = await findRevision(ctx.db, id);
      const title = revision ? itemTitleOf(lang, revision.data ?? (ctx.content.store.get(revision.kind, revision.itemId) as unknown as Record<string, unknown>), revision.itemId) : id;
      try {
        // Only revisions in review: the queue's bulk form never publishes a draft.
        if (!revision || revision.state !== 'in_review') throw new WorkflowRefusal(revision ? 'wrong_state' : 'not_found');
        const version = await publish(ctx, actor, id);
        published ||= version !== null;
        results.push({ id, title, ok: true });
      } catch (error) {
        if (!(error instanceof WorkflowRefusal)) throw error;
        results.push({ id, title, ok: false, reason: refusalText(lang, error.reason) });
      }
    }
    if (published) await ctx.content.refresh();
    return send(request, reply, await model(request, { results }));
  });
}
