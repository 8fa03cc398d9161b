/**
 * The investors' pages:
 *  - GET  /:lang/staff/investors                     search by name (either language): name, Chinese name, origin,
 *                                                    parent group and how many of their projects are in the reader's scope
 *  - GET/POST /:lang/staff/investors/new             add an investor (303 to their page; the same name and origin is one)
 *  - GET  /:lang/staff/investors/:id                 the investor's facts and ONE timeline (timeline.ts), filtered by
 *                                                    kind with GET checkboxes (`show`), as far as the reader's scope goes
 *  - POST /:lang/staff/investors/:id/interactions    record an interaction or a shared plan
 *  - POST /:lang/staff/investors/:id/cases           link a service-line case by reference
 *
 * Who: PIPELINE_READERS read, PIPELINE_WRITERS add and record. Invalid answers: 400 with each error at its field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { staffScopeOf } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { integer, many, parseForm, readForm, text, type RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { linkInvestorCase, recordInteraction } from './interactions.js';
import { findInvestors, projectCounts } from './investors.queries.js';
import { caseLinkErrors, interactionErrors, investorErrors, tTimeline } from './messages.timeline.js';
import type { PipelineServices } from './pipeline-services.js';
import { PIPELINE_READERS, PIPELINE_WRITERS, projectScopeOf } from './project-access.js';
import { ProjectInputError } from './project-input.js';
import { beijingToday, createInvestor, PipelineActionError } from './project-workflow.js';
import { investorTimeline, TIMELINE_KINDS, type TimelineKind } from './timeline.js';
import { InvestorListView, InvestorNewView } from './views/investor-list-view.js';
import { InvestorPageView, type InvestorForms } from './views/investor-page-view.js';

const READERS = { staffGuard: { roles: PIPELINE_READERS } };
const WRITERS = { staffGuard: { roles: PIPELINE_WRITERS } };
const PAGE_SIZE = 50;
const NOTICES = ['created', 'exists', 'interaction', 'case'] as const;

const searchForm = z.object({
  q: text({ max: 200 }),
  page: integer({ min: 1, max: 10_000 }, { label: (lang) => tTimeline(lang, 'pipeline.investors.pages') }),
});
const showForm = z.object({ show: many({ of: TIMELINE_KINDS, split: ',', label: (lang) => tTimeline(lang, 'pipeline.timeline.filter') }) });
export const investorForm = z.object({ name: text({ max: 400 }), name_zh: text({ max: 400 }), origin: text({ max: 10 }), parent_group: text({ max: 400 }) });
export const interactionForm = z.object({ kind: text({ max: 20 }), occurred_on: text({ max: 20 }), people: text({ max: 600 }), notes: text({ max: 5100 }), project_reference: text({ max: 40 }), plan_url: text({ max: 4100 }) });
export const caseLinkForm = z.object({ case_reference: text({ max: 40 }) });

export interface InvestorPagesDeps {
  services: PipelineServices;
  db: Db;
  /** The site's own address: a shared plan must be one of its plan pages. */
  baseUrl: string;
}

export function registerInvestorPages(app: FastifyInstance, { services, db, baseUrl }: InvestorPagesDeps): void {
  const { context } = services;

  async function investorPage(request: FastifyRequest, reply: FastifyReply, forms: Partial<InvestorForms> = {}, status = 200) {
    const lang = langOf(request);
    const staff = request.staff!;
    const { id } = request.params as { id: string };
    const raw = (request.query ?? {}) as RawForm;
    const show = parseForm(showForm, raw, lang);
    const timeline = await investorTimeline(db, staff, id, { kinds: (show.valid.show ?? []).filter((kind): kind is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(kind)) });
    if (!timeline) throw new NotFoundError(`No investor ${id}.`);
    const known = NOTICES.find((n) => n === raw.notice);
    const errors: FieldError[] = [...(forms.interaction?.errors ?? []), ...(forms.linkCase?.errors ?? [])];
    const body = (
      <InvestorPageView
        lang={lang}
        csrf={staff.csrfToken}
        timeline={timeline}
        mayWrite={PIPELINE_WRITERS.includes(staff.role)}
        today={beijingToday(context.now())}
        forms={{ interaction: forms.interaction ?? { values: { occurred_on: beijingToday(context.now()) }, errors: [] }, linkCase: forms.linkCase ?? { values: {}, errors: [] } }}
        errors={errors}
        notice={known ? tTimeline(lang, `pipeline.timeline.notice.${known}`) : undefined}
      />
    );
    const title = tTimeline(lang, 'pipeline.timeline.title', { name: lang === 'zh' && timeline.investor.nameZh ? timeline.investor.nameZh : timeline.investor.name });
    return sendStaffPage(request, reply, lang, errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, status);
  }

  app.get(routes.staffInvestors, { config: READERS }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const form = parseForm(searchForm, (request.query ?? {}) as RawForm, lang);
    const q = form.valid.q ?? '';
    const page = form.valid.page ?? 1;
    const found = await findInvestors(context.db, q, page, PAGE_SIZE);
    const counts = await projectCounts(context.db, projectScopeOf(staff), found.rows.map((row) => row.id));
    const body = <InvestorListView lang={lang} q={q} page={page} pageSize={PAGE_SIZE} total={found.total} rows={found.rows.map((row) => ({ ...row, projects: counts.get(row.id) ?? 0 }))} mayWrite={PIPELINE_WRITERS.includes(staff.role)} />;
    return sendStaffPage(request, reply, lang, tTimeline(lang, 'pipeline.investors.title'), body);
  });

  app.get(routes.staffInvestorNew, { config: WRITERS }, async (request, reply) => {
    const lang = langOf(request);
    return sendStaffPage(request, reply, lang, tTimeline(lang, 'pipeline.investors.new'), <InvestorNewView lang={lang} csrf={request.staff!.csrfToken} values={{}} errors={[]} />);
  });

  app.post(routes.staffInvestorNew, { config: WRITERS }, async (request, reply) => {
    const lang = langOf(request);
    const values = readForm(investorForm, (request.body ?? {}) as RawForm) as Record<string, string | undefined>;
    try {
      const { id, created } = await createInvestor(context, { staff: request.staff!, requestId: request.id }, values);
      return reply.redirect(urls.staffInvestor(lang, id, { notice: created ? 'created' : 'exists' }), 303);
    } catch (error) {
      if (!(error instanceof ProjectInputError)) throw error;
      const errors = investorErrors(lang, error.problems);
      const title = `${tPlatform(lang, 'form.errorSummary')}: ${tTimeline(lang, 'pipeline.investors.new')}`;
      return sendStaffPage(request, reply, lang, title, <InvestorNewView lang={lang} csrf={request.staff!.csrfToken} values={values} errors={errors} />, 400);
    }
  });

  app.get(routes.staffInvestor, { config: READERS }, (request, reply) => investorPage(request, reply));

  /** Runs a recording; a refusal of the input shows the page again with the form's errors (400). */
  async function record(request: FastifyRequest, reply: FastifyReply, notice: 'interaction' | 'case', run: () => Promise<unknown>, failed: (error: ProjectInputError) => Partial<InvestorForms>) {
    const { id } = request.params as { id: string };
    try {
      await run();
    } catch (error) {
      if (error instanceof PipelineActionError && error.reason === 'not_found') throw new NotFoundError(error.message);
      if (!(error instanceof ProjectInputError)) throw error;
      return investorPage(request, reply, failed(error), 400);
    }
    return reply.redirect(`${urls.staffInvestor(langOf(request), id, { notice })}#timeline`, 303);
  }

  app.post(routes.staffInvestorInteractions, { config: WRITERS }, (request, reply) => {
    const values = readForm(interactionForm, (request.body ?? {}) as RawForm) as Record<string, string | undefined>;
    const { id } = request.params as { id: string };
    return record(request, reply, 'interaction', () => recordInteraction(context, { staff: request.staff!, requestId: request.id }, id, values, { baseUrl }), (error) => ({
      interaction: { values, errors: interactionErrors(langOf(request), error.problems) },
    }));
  });

  app.post(routes.staffInvestorCases, { config: WRITERS }, (request, reply) => {
    const values = readForm(caseLinkForm, (request.body ?? {}) as RawForm) as Record<string, string | undefined>;
    const { id } = request.params as { id: string };
    const acting = { staff: request.staff!, caseScope: staffScopeOf(request.staff!), requestId: request.id };
    return record(request, reply, 'case', () => linkInvestorCase(context, acting, id, values.case_reference), (error) => ({
      linkCase: { values, errors: caseLinkErrors(langOf(request), error.problems) },
    }));
  });

  // The addresses the forms post to, opened directly (a reload, the language switch): back to the investor's page.
  for (const url of [routes.staffInvestorInteractions, routes.staffInvestorCases]) {
    app.get(url, { config: READERS }, async (request, reply) => {
      const { id } = request.params as { id: string };
      return reply.redirect(urls.staffInvestor(langOf(request), id), 303);
    });
  }
}
