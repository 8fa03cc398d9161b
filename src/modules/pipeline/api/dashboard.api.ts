/**
 * GET /api/v1/staff/projects/dashboard: the dashboard's figures (dashboard.queries.ts) for the caller's scope and the
 * dashboard page's filters (dashboard.form.ts), the same numbers the page and its CSV show, in snake_case.
 */
import type { FastifyInstance } from 'fastify';
import type { RawForm } from '../../../platform/http/form.js';
import { jsonSchemaOf } from '../../../platform/http/openapi-schema.js';
import { routes } from '../../../platform/http/urls.js';
import { readDashboardQuery } from '../dashboard.form.js';
import { dashboardFigures } from '../dashboard-cache.js';
import type { GroupFigures } from '../dashboard.queries.js';
import type { PipelineServices } from '../pipeline-services.js';
import { PIPELINE_READERS, projectScopeOf } from '../project-access.js';
import { apiLang, invalidQuery } from './api-problems.js';
import { dashboardSchema } from './api-schemas.js';
import { apiGuard, apiStaff } from './staff-api-auth.js';

const groupOut = (g: GroupFigures) => ({ key: g.key, projects: g.projects, landed: g.landed, amount_cny: g.amountCny, with_amount: g.withAmount, signed_projects: g.signedProjects, signed_amount_cny: g.signedAmountCny });

export function registerDashboardApi(api: FastifyInstance, { context }: PipelineServices): void {
  api.get(routes.apiStaffProjectsDashboard, { config: apiGuard(context.db, PIPELINE_READERS), schema: { response: { 200: jsonSchemaOf(dashboardSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const query = readDashboardQuery((request.query ?? {}) as RawForm, lang);
    if (query.errors.length) throw invalidQuery(lang, query.errors);
    const d = await dashboardFigures(context.db, projectScopeOf(apiStaff(request)), query.filters, context.now());
    return {
      at: d.now.toISOString(),
      today: d.today,
      projects: d.projects,
      funnel: d.funnel.map((f) => ({ stage: f.stage, by_status: f.byStatus, pursued: f.pursued, closed: f.closed, reached: f.reached })),
      implementation: d.implementation,
      by_district: d.byDistrict.map(groupOut),
      by_industry: d.byIndustry.map(groupOut),
      by_origin: d.byOrigin.map(groupOut),
      by_source: d.bySource.map(groupOut),
      source_details: d.sourceDetails.map((s) => ({ kind: s.kind, detail: s.detail, projects: s.projects, landed: s.landed, amount_cny: s.amountCny })),
      time_in_stage: d.timeInStage.map((s) => ({ stage: s.stage, stays: s.stays, ongoing: s.ongoing, median_days: s.medianDays, p90_days: s.p90Days })),
      overdue: { count: d.overdue.count, rows: d.overdue.rows.map((r) => ({ ...r, days_overdue: r.daysOverdue })) },
    };
  });
}
