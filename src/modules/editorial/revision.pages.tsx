/**
 * The revision page (routes.staffContentRevision, readers) and the address its forms post to
 * (routes.staffContentRevisionAction, editors): submit, publish, schedule, send-back, discard, restore, adopt, dismiss.
 * Each action calls the workflow service; success → 303 back with a notice (restore and adopt: to the new draft);
 * a refusal → the page again with the refusal's sentence and problems (409; 403 for a role that may not, 404 for no
 * such revision); a form with invalid fields → the page again with the errors at the fields (400). An unknown action
 * is 404. A GET of an action address (a reload) goes to the revision page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { staffDb } from '../../platform/auth/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { findRevision, validateItem, type Revision } from '../content/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { canEdit, CONTENT_EDITORS, CONTENT_READERS, needsSecondPerson } from './editorial-access.js';
import type { EditorialServices } from './editorial-services.js';
import { refusalText } from './messages.js';
import { tWorkflow } from './messages.workflow.js';
import { diffItems } from './revision-diff.js';
import {
  discard, liveSetOf, openRevisionOf, publish, publishRefusal, resolveConflict, restore, sendBack, submitForReview, WorkflowRefusal,
  type Actor, type EditorialContext,
} from './revision-workflow.js';
import { RevisionView, type RevisionAction, type RevisionOffers, type RevisionPageModel } from './views/revision-view.js';

export const REVISION_ACTIONS: readonly RevisionAction[] = ['submit', 'publish', 'schedule', 'send-back', 'discard', 'restore', 'adopt', 'dismiss'];

/** The notices the revision page shows after a redirect (`saved`: the forms part's draft form). */
const NOTICES = ['saved', 'submitted', 'published', 'scheduled', 'sent-back', 'discarded', 'restored', 'adopted', 'dismissed'] as const;
export type RevisionNotice = (typeof NOTICES)[number];

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.staff!.userId, role: request.staff!.role, requestId: request.id };
}

/** Staff names by id (for "who did it"); ids no longer present stay unnamed. */
export async function staffNames(db: EditorialContext['db'], ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await staffDb(db).selectFrom('staff_users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An item's name in `lang` as its content gives it (title, name or term), else its id. */
export function itemTitleOf(lang: Lang, data: Record<string, unknown> | null | undefined, id: string): string {
  const words = data?.[lang] as Record<string, unknown> | undefined;
  for (const key of ['title', 'name', 'term', 'label', 'question']) {
    if (typeof words?.[key] === 'string' && words[key]) return words[key] as string;
  }
  return id;
}

/** A datetime-local value ("2027-01-01T09:00") read as Beijing time (UTC+8); null when it is not one. */
export function beijingDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s || 0));
  // Rejects 2027-02-30 and 25:00 (Date.UTC would roll them over).
  const check = new Date(date.getTime() + 8 * 3600_000);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h) return null;
  return date;
}

/** The fields the action forms may carry, bounded at the edge. */
const actionForm = z.object({
  note: z.string().max(2000).optional(),
  publish_at: z.string().max(40).optional(),
});

function readActionForm(raw: unknown): Record<string, string> {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const values = Object.fromEntries(Object.keys(actionForm.shape).map((k) => [k, typeof first(body[k]) === 'string' ? (first(body[k]) as string).trim() : undefined]));
  const parsed = actionForm.safeParse(values);
  const out = parsed.success ? parsed.data : {};
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** What `actor` may do with `revision` now: exactly what the workflow would accept. */
async function offersFor(ctx: EditorialContext, actor: Actor, revision: Revision, problems: number, liveId: string | null): Promise<RevisionOffers> {
  const editor = canEdit(actor.role);
  const now = ctx.now();
  const notLiveWithdrawal = revision.data === null && !liveId;
  const stale = liveId !== revision.basedOn;
  const mayPublish = editor && publishRefusal(actor, revision) === null && problems === 0 && !stale && !notLiveWithdrawal;
  const carriesMoment = revision.publishAt !== null && revision.publishAt.getTime() > now.getTime() && revision.state === 'in_review';
  const open = editor && (revision.state === 'published' || revision.state === 'conflict') ? await openRevisionOf(ctx.db, revision.kind, revision.itemId) : null;
  const restorable = editor && !open && ((revision.state === 'published' && revision.id !== liveId) || revision.state === 'conflict') && !(revision.data === null && !liveId);
  return {
    submit: editor && revision.state === 'draft' && problems === 0,
    publish: mayPublish,
    publishAt: mayPublish && carriesMoment ? revision.publishAt : null,
    schedule: mayPublish && !carriesMoment,
    sendBack: editor && revision.state === 'in_review',
    discard: editor && ['draft', 'in_review', 'conflict'].includes(revision.state),
    cancelSchedule: editor && revision.state === 'scheduled',
    restore: restorable,
    adopt: editor && revision.state === 'conflict' && !open,
    dismiss: editor && revision.state === 'conflict',
    edit: editor && revision.state === 'draft',
    tests: (revision.kind === 'rules' || revision.kind === 'rule-parameters') && ['draft', 'in_review', 'scheduled'].includes(revision.state),
  };
}

export async function revisionPageModel(
  services: EditorialServices,
  request: FastifyRequest,
  revision: Revision,
  extras: Pick<RevisionPageModel, 'notice' | 'refusal' | 'failed'> = {},
): Promise<RevisionPageModel> {
  const ctx = services.context;
  const lang = langOf(request);
  const actor = actorOf(request);
  const live = await ctx.db.selectFrom('content_items').select(['data', 'revision_id']).where('kind', '=', revision.kind).where('id', '=', revision.itemId).executeTakeFirst();
  const liveId = live?.revision_id === null || live?.revision_id === undefined ? null : String(live.revision_id);
  const liveData = (live?.data as Record<string, unknown> | undefined) ?? null;
  const open = ['draft', 'in_review', 'scheduled', 'conflict'].includes(revision.state);
  const problems = open && revision.data !== null ? validateItem(revision.kind, revision.itemId, revision.data, liveSetOf(ctx)).problems : [];
  const diffs: RevisionPageModel['diffs'] = [];
  if (revision.state === 'published') {
    const previous = revision.basedOn ? await findRevision(ctx.db, revision.basedOn) : null;
    diffs.push({ title: tWorkflow(lang, 'editorial.workflow.diff.previous'), diff: diffItems(lang, revision.kind, previous?.data ?? null, revision.data) });
    if (revision.id !== liveId) diffs.push({ title: tWorkflow(lang, 'editorial.workflow.diff.live'), diff: diffItems(lang, revision.kind, liveData, revision.data) });
  } else {
    diffs.push({ title: tWorkflow(lang, 'editorial.workflow.diff.live'), diff: diffItems(lang, revision.kind, liveData, revision.data) });
  }
  const names = await staffNames(ctx.db, [revision.createdBy, revision.submittedBy, revision.reviewedBy, revision.publishedBy, ...revision.editors]);
  return {
    lang,
    csrf: request.staff!.csrfToken,
    revision,
    itemTitle: itemTitleOf(lang, revision.data ?? liveData, revision.itemId),
    itemLive: liveId !== null,
    names,
    problems: open ? problems : [],
    diffs,
    offers: await offersFor(ctx, actor, revision, problems.length, liveId),
    secondPerson: needsSecondPerson(revision.kind),
    ...extras,
  };
}

export function sendRevisionPage(request: FastifyRequest, reply: FastifyReply, model: RevisionPageModel, status = 200): FastifyReply {
  const title = tWorkflow(model.lang, 'editorial.workflow.revision.title', { id: model.revision.id, item: model.itemTitle });
  return sendStaffPage(request, reply, model.lang, title, <RevisionView model={model} />, status);
}

async function revisionOr404(ctx: EditorialContext, request: FastifyRequest): Promise<Revision> {
  const id = (request.params as { revision?: string }).revision ?? '';
  const revision = await findRevision(ctx.db, id);
  if (!revision) throw new NotFoundError(`No content revision ${id}.`);
  return revision;
}

export function registerRevisionPages(app: FastifyInstance, services: EditorialServices): void {
  const ctx = services.context;

  app.get(routes.staffContentRevision, { config: { staffGuard: { roles: CONTENT_READERS } } }, async (request, reply) => {
    const revision = await revisionOr404(ctx, request);
    const lang = langOf(request);
    const notice = (request.query as { notice?: string }).notice;
    const known = NOTICES.find((n) => n === notice);
    return sendRevisionPage(request, reply, await revisionPageModel(services, request, revision, known ? { notice: tWorkflow(lang, `editorial.workflow.notice.${known}`) } : {}));
  });

  app.get(routes.staffContentRevisionAction, { config: { staffGuard: { roles: CONTENT_READERS } } }, async (request, reply) => {
    const revision = await revisionOr404(ctx, request);
    return reply.redirect(urls.staffContentRevision(langOf(request), revision.id), 303);
  });

  app.post(routes.staffContentRevisionAction, { config: { staffGuard: { roles: CONTENT_EDITORS } } }, async (request, reply) => {
    const lang = langOf(request);
    const action = (request.params as { action?: string }).action as RevisionAction;
    if (!REVISION_ACTIONS.includes(action)) throw new NotFoundError(`No revision action ${String(action)}.`);
    const revision = await revisionOr404(ctx, request);
    const actor = actorOf(request);
    const values = readActionForm(request.body);
    const invalid = (errors: FieldError[]) => revisionPageModel(services, request, revision, { failed: { action, errors, values } }).then((m) => sendRevisionPage(request, reply, m, 400));
    const back = (notice: RevisionNotice, id = revision.id) => reply.redirect(`${urls.staffContentRevision(lang, id, { notice })}#main`, 303);
    try {
      switch (action) {
        case 'submit':
          await submitForReview(ctx, actor, revision.id);
          return back('submitted');
        case 'publish': {
          const version = await publish(ctx, actor, revision.id);
          if (version !== null) await ctx.content.refresh();
          return back(version === null ? 'scheduled' : 'published');
        }
        case 'schedule': {
          const raw = values.publish_at ?? '';
          const at = raw ? beijingDateTime(raw) : null;
          if (!at) return invalid([{ field: 'schedule-publish_at', message: tWorkflow(lang, raw ? 'editorial.workflow.error.dateInvalid' : 'editorial.workflow.error.dateRequired') }]);
          const version = await publish(ctx, actor, revision.id, { publishAt: at });
          if (version !== null) await ctx.content.refresh();
          return back(version === null ? 'scheduled' : 'published');
        }
        case 'send-back':
          if (!values.note) return invalid([{ field: 'send-back-note', message: tWorkflow(lang, 'editorial.workflow.error.noteRequired') }]);
          await sendBack(ctx, actor, revision.id, values.note);
          return back('sent-back');
        case 'discard':
          await discard(ctx, actor, revision.id);
          return back('discarded');
        case 'restore': {
          const { revisionId } = await restore(ctx, actor, revision.id);
          return back('restored', revisionId);
        }
        case 'adopt': {
          const draft = await resolveConflict(ctx, actor, revision.id, 'adopt');
          return back('adopted', draft ?? revision.id);
        }
        case 'dismiss':
          await resolveConflict(ctx, actor, revision.id, 'dismiss');
          return back('dismissed');
      }
    } catch (error) {
      if (!(error instanceof WorkflowRefusal)) throw error;
      if (error.reason === 'not_found') throw new NotFoundError(`No content revision ${revision.id}.`);
      const now = (await findRevision(ctx.db, revision.id)) ?? revision;
      const refusal = { text: refusalText(lang, error.reason), problems: error.details.problems ?? [] };
      return sendRevisionPage(request, reply, await revisionPageModel(services, request, now, { refusal }), error.reason === 'not_allowed' ? 403 : 409);
    }
    throw new NotFoundError(`No revision action ${String(action)}.`);
  });
}
