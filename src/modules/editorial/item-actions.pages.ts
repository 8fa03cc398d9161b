/**
 * The item page's two workflow forms post here: POST routes.staffContentExpiry (a datetime-local in Beijing time and
 * a note → scheduleExpiry: other kinds are scheduled at once, policies and rules wait in review for a second person,
 * and a policy's rules leave with it when it is applied) and POST routes.staffContentVerify (markVerified). Success:
 * 303 to the item with a notice. A wrong field or a refusal: a page with the sentence and the form again (400 / 409).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { CONTENT_EDITORS, isContentKind, needsSecondPerson } from './editorial-access.js';
import type { EditorialServices } from './editorial-services.js';
import { refusalText } from './messages.js';
import { tWorkflow } from './messages.workflow.js';
import { markVerified, scheduleExpiry, WorkflowRefusal } from './revision-workflow.js';
import { actorOf, beijingDateTime, itemTitleOf } from './revision.pages.js';
import { ItemActionsView, type ItemActionsModel } from './views/revision-item-view.js';

const expiryForm = z.object({ expire_at: z.string().trim().max(40).optional(), note: z.string().trim().max(2000).optional() });

export function registerItemActions(app: FastifyInstance, services: EditorialServices): void {
  const ctx = services.context;
  const editors = { config: { staffGuard: { roles: CONTENT_EDITORS } } };

  function itemOf(request: FastifyRequest) {
    const { kind, id } = request.params as { kind: string; id: string };
    if (!isContentKind(kind)) throw new NotFoundError(`No content kind ${kind}.`);
    return { kind, id };
  }

  function page(request: FastifyRequest, reply: FastifyReply, model: Omit<ItemActionsModel, 'lang' | 'csrf' | 'title'>, status: number) {
    const lang = langOf(request);
    const data = ctx.content.store.get(model.kind, model.id) as unknown as Record<string, unknown> | undefined;
    const full: ItemActionsModel = { ...model, lang, csrf: request.staff!.csrfToken, title: itemTitleOf(lang, data, model.id) };
    return sendStaffPage(request, reply, lang, tWorkflow(lang, 'editorial.workflow.item.title', { item: full.title }), ItemActionsView({ model: full }), status);
  }

  app.post(routes.staffContentExpiry, editors, async (request, reply) => {
    const lang = langOf(request);
    const { kind, id } = itemOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = expiryForm.safeParse({ expire_at: typeof body.expire_at === 'string' ? body.expire_at : undefined, note: typeof body.note === 'string' ? body.note : undefined });
    const values = parsed.success ? parsed.data : {};
    const errors: FieldError[] = [];
    const at = values.expire_at ? beijingDateTime(values.expire_at) : null;
    if (!values.expire_at) errors.push({ field: 'expire_at', message: tWorkflow(lang, 'editorial.workflow.error.dateRequired') });
    else if (!at) errors.push({ field: 'expire_at', message: tWorkflow(lang, 'editorial.workflow.error.dateInvalid') });
    if (errors.length > 0 || !at) return page(request, reply, { kind, id, errors, values }, 400);
    try {
      await scheduleExpiry(ctx, actorOf(request), kind, id, at, values.note || null);
    } catch (error) {
      if (!(error instanceof WorkflowRefusal)) throw error;
      if (error.reason === 'not_live' && !ctx.content.store.get(kind, id)) throw new NotFoundError(`No live ${kind} item ${id}.`);
      if (error.reason === 'in_past') return page(request, reply, { kind, id, errors: [{ field: 'expire_at', message: refusalText(lang, 'in_past') }], values }, 400);
      return page(request, reply, { kind, id, errors: [], values, refusal: refusalText(lang, error.reason) }, error.reason === 'not_allowed' ? 403 : 409);
    }
    return reply.redirect(urls.staffContentItem(lang, kind, id, { notice: needsSecondPerson(kind) ? 'expiry-review' : 'expiry-scheduled' }), 303);
  });

  app.post(routes.staffContentVerify, editors, async (request, reply) => {
    const lang = langOf(request);
    const { kind, id } = itemOf(request);
    try {
      await markVerified(ctx, actorOf(request), kind, id);
      await ctx.content.refresh();
    } catch (error) {
      if (!(error instanceof WorkflowRefusal)) throw error;
      if (error.reason === 'not_live' && !ctx.content.store.get(kind, id)) throw new NotFoundError(`No live ${kind} item ${id}.`);
      return page(request, reply, { kind, id, errors: [], values: {}, refusal: refusalText(lang, error.reason) }, error.reason === 'not_allowed' ? 403 : 409);
    }
    return reply.redirect(urls.staffContentItem(lang, kind, id, { notice: 'verified' }), 303);
  });

  // A reload of the forms' addresses goes to the item.
  for (const route of [routes.staffContentExpiry, routes.staffContentVerify]) {
    app.get(route, { config: { staffGuard: { roles: CONTENT_EDITORS } } }, async (request, reply) => {
      const { kind, id } = itemOf(request);
      return reply.redirect(urls.staffContentItem(langOf(request), kind, id), 303);
    });
  }
}

const ITEM_NOTICES = { 'expiry-scheduled': 'editorial.workflow.notice.expiry', 'expiry-review': 'editorial.workflow.notice.expiryReview', verified: 'editorial.workflow.notice.verified' } as const;

/** The words of the notices these forms redirect to the item page with (`?notice=`), for the item page to show. */
export function itemNoticeText(lang: Lang, notice: string | undefined): string | undefined {
  const key = notice && Object.prototype.hasOwnProperty.call(ITEM_NOTICES, notice) ? ITEM_NOTICES[notice as keyof typeof ITEM_NOTICES] : undefined;
  return key ? tWorkflow(lang, key) : undefined;
}
