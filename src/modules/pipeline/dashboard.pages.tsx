/**
 * The pipeline dashboard and its CSV:
 *  - GET /:lang/staff/projects/dashboard       the figures of the projects in the viewer's scope, filtered (GET form)
 *  - GET /:lang/staff/projects/dashboard.csv   every table of the page as CSV sections, in the page's language
 *
 * Who: PIPELINE_READERS, each counting only the projects of their scope (projectScopeOf, applied in every query of
 * pipelineDashboard). A filter value that is not valid answers 400 with the page and the error at its field (the CSV
 * address too: a hand-made link gets the form to correct, in the page's language), and shows no figure until corrected.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { dashboardCsv } from './dashboard-csv.js';
import { filtersText } from './dashboard-tables.js';
import { dashboardParams, readDashboardQuery } from './dashboard.form.js';
import { dashboardFigures } from './dashboard-cache.js';
import { tDashboard } from './messages.dashboard.js';
import { filterChoices, listNames, scopeText } from './messages.list.js';
import type { PipelineServices } from './pipeline-services.js';
import { PIPELINE_READERS, PIPELINE_IMPORTERS, PIPELINE_WRITERS, projectScopeOf } from './project-access.js';
import { DashboardView } from './views/dashboard-view.js';

const guard = { staffGuard: { roles: PIPELINE_READERS } };

/** "2026-12-01 10:00": the instant in Beijing time (UTC+8, no daylight saving), to the minute. */
const beijingMinute = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function registerDashboardPages(app: FastifyInstance, { context }: PipelineServices): void {
  const db = context.db;

  async function dashboardPage(request: FastifyRequest, reply: FastifyReply) {
    const lang = langOf(request);
    const staff = request.staff!;
    const store = context.store();
    const scope = projectScopeOf(staff);
    const query = readDashboardQuery((request.query ?? {}) as RawForm, lang);
    const now = context.now();
    const figures = query.errors.length ? null : await dashboardFigures(db, scope, query.filters, now);
    const { industries, districts } = filterChoices(lang, scope, store);
    const body = (
      <DashboardView
        lang={lang}
        scope={scopeText(lang, scope, store)}
        mayWrite={PIPELINE_WRITERS.includes(staff.role)}
        mayImport={PIPELINE_IMPORTERS.includes(staff.role)}
        query={query}
        figures={figures}
        names={listNames(lang, store)}
        industries={industries}
        districts={districts}
        asOf={beijingMinute(now)}
        csvHref={urls.staffProjectsDashboardCsv(lang, dashboardParams(query.input))}
      />
    );
    const title = tDashboard(lang, 'pipeline.dashboard.title');
    return sendStaffPage(request, reply, lang, figures ? title : `${tPlatform(lang, 'form.errorSummary')}: ${title}`, body, figures ? 200 : 400);
  }

  app.get(routes.staffProjectsDashboard, { config: guard }, dashboardPage);

  app.get(routes.staffProjectsDashboardCsv, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const query = readDashboardQuery((request.query ?? {}) as RawForm, lang);
    if (query.errors.length) return dashboardPage(request, reply);
    const store = context.store();
    const scope = projectScopeOf(staff);
    const now = context.now();
    const figures = await dashboardFigures(db, scope, query.filters, now);
    const names = listNames(lang, store);
    const csv = dashboardCsv(lang, figures, names, { scope: scopeText(lang, scope, store), filters: filtersText(lang, query.filters, names), asOf: beijingMinute(now) });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="pipeline-dashboard-${figures.today}.csv"`)
      .send(csv);
  });
}
