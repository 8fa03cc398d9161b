/**
 * The project list and what hangs off it:
 *  - GET  /:lang/staff/projects                 the list: filters (GET form), sort, pages of 50, the person's saved views
 *  - GET  /:lang/staff/projects.csv             the filtered list as CSV (every page, up to LIST_CSV_CAP rows)
 *  - POST /:lang/staff/projects/views           save the current filters under a name (per person)
 *  - POST /:lang/staff/projects/views/:id/remove  remove one of one's saved views
 *
 * Who: PIPELINE_READERS, each seeing the projects of their scope (projectScopeOf, applied in every query). A filter
 * value that is not valid answers 400 with the page and the error at its field, and lists nothing until corrected.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../platform/http/errors.js';
import { field, parseForm, text, type RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { listCsv } from './list-csv.js';
import { listQueryOf, listSearchOf, readListQuery } from './list.form.js';
import { LIST_CSV_CAP, listProjectRows, listProjects } from './list.queries.js';
import { filterChoices, listNames, scopeText, tList } from './messages.list.js';
import type { PipelineServices } from './pipeline-services.js';
import { PIPELINE_READERS, PIPELINE_IMPORTERS, PIPELINE_WRITERS, projectScopeOf } from './project-access.js';
import { beijingToday } from './project-workflow.js';
import { MAX_SAVED_VIEWS, MAX_VIEW_NAME, removeView, savedViewsOf, saveView, SavedViewError } from './saved-views.js';
import { ListView, type SaveViewState } from './views/list-view.js';

const guard = { staffGuard: { roles: PIPELINE_READERS } };
const NOTICES = ['view_saved', 'view_removed'] as const;
type Notice = (typeof NOTICES)[number];

const saveViewForm = z.object({
  name: field(z.string().min(1).max(MAX_VIEW_NAME), { max: MAX_VIEW_NAME + 1, message: (lang) => tList(lang, 'pipeline.list.views.error.name') }),
  query: text({ max: 2000 }),
});

/** A stored or posted query string as the form parser reads a request's query (a repeated name gives a list). */
function rawQueryOf(search: string): RawForm {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = raw[key];
    raw[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return raw;
}

export function registerListPages(app: FastifyInstance, { context }: PipelineServices): void {
  const db = context.db;

  async function listPage(request: FastifyRequest, reply: FastifyReply, raw: RawForm, options: { save?: SaveViewState; notice?: string; status?: number } = {}) {
    const lang = langOf(request);
    const staff = request.staff!;
    const store = context.store();
    const scope = projectScopeOf(staff);
    const query = readListQuery(raw, lang, staff.userId);
    const page = query.errors.length ? null : await listProjects(db, scope, query.filters, beijingToday(context.now()));
    const body = (
      <ListView
        lang={lang}
        scope={scopeText(lang, scope, store)}
        mayWrite={PIPELINE_WRITERS.includes(staff.role)}
        mayImport={PIPELINE_IMPORTERS.includes(staff.role)}
        query={query}
        page={page}
        names={listNames(lang, store)}
        {...filterChoices(lang, scope, store)}
        views={await savedViewsOf(db, staff.userId)}
        save={options.save ?? { name: '' }}
        csrf={staff.csrfToken}
        notice={options.notice}
      />
    );
    const failed = query.errors.length > 0 || Boolean(options.save?.error);
    const title = tList(lang, 'pipeline.list.title');
    return sendStaffPage(request, reply, lang, failed ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, options.status ?? (failed ? 400 : 200));
  }

  const noticeText = (lang: Lang, notice: Notice) => tList(lang, notice === 'view_saved' ? 'pipeline.list.views.saved' : 'pipeline.list.views.removed');

  app.get(routes.staffProjects, { config: guard }, (request, reply) => {
    const raw = (request.query ?? {}) as RawForm;
    const notice = (NOTICES as readonly unknown[]).includes(raw.notice) ? noticeText(langOf(request), raw.notice as Notice) : undefined;
    return listPage(request, reply, raw, { notice });
  });

  app.get(routes.staffProjectsCsv, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const raw = (request.query ?? {}) as RawForm;
    const query = readListQuery(raw, lang, staff.userId);
    // A hand-made address with a bad filter gets the list page with the error at its field, in the page's language.
    if (query.errors.length) return listPage(request, reply, raw);
    const today = beijingToday(context.now());
    const rows = await listProjectRows(db, projectScopeOf(staff), query.filters, today, { limit: LIST_CSV_CAP });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="projects-${today}.csv"`)
      .send(listCsv(lang, rows, listNames(lang, context.store())));
  });

  app.post(routes.staffProjectsViews, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const form = parseForm(saveViewForm, (request.body ?? {}) as RawForm, lang);
    const raw = rawQueryOf(form.input.query ?? '');
    const refuse = (error: string) => listPage(request, reply, raw, { save: { name: form.input.name ?? '', error }, status: 400 });
    const filters = readListQuery(raw, lang, staff.userId);
    if (!form.value) return refuse(form.errors[0].message);
    if (filters.errors.length) return refuse(tList(lang, 'pipeline.list.views.error.query'));
    try {
      await saveView(db, { userId: staff.userId, now: context.now(), requestId: request.id }, form.value.name, listSearchOf(filters.filters));
    } catch (error) {
      if (!(error instanceof SavedViewError)) throw error;
      return refuse(error.reason === 'duplicate' ? tList(lang, 'pipeline.list.views.error.duplicate') : tList(lang, 'pipeline.list.views.error.full', { max: MAX_SAVED_VIEWS }));
    }
    return reply.redirect(urls.staffProjects(lang, { ...listQueryOf(filters.filters, { page: 1 }), notice: 'view_saved' }), 303);
  });

  app.post(routes.staffProjectsViewRemove, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { id } = request.params as { id: string };
    const removed = await removeView(db, { userId: request.staff!.userId, now: context.now(), requestId: request.id }, id);
    if (!removed) throw new NotFoundError('You have no saved view with this id.');
    return reply.redirect(urls.staffProjects(lang, { notice: 'view_removed' }), 303);
  });

  // The save address opened directly (a reload after an error, the language switch): back to the list.
  app.get(routes.staffProjectsViews, { config: guard }, async (request, reply) => reply.redirect(urls.staffProjects(langOf(request)), 303));
}
