/**
 * The service line's staff dashboard and what hangs off it:
 *  - GET /:lang/staff/cases/dashboard            figures for a period and filters (default: the last 30 days)
 *  - GET /:lang/staff/cases/dashboard.csv        the same figures as CSV
 *  - GET /:lang/staff/cases/dashboard/cases      the cases behind one count (the figures the workbench cannot filter)
 *  - GET /:lang/staff/cases/dashboard/cases.csv  the same cases as CSV
 *
 * Who: the roles that read cases (CASE_READERS: the acceptance agency, the coordinator, district officers,
 * department handlers, viewers). Administrators, content editors and project commissioners are refused (403), as on
 * the workbench: the counts lead to case lists they may not open, and the public performance page gives everyone
 * the aggregate figures. Every figure is counted through scopedCases: a district officer sees their district's,
 * a department handler their department's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffScopeOf, type StaffPrincipal, type StaffScope } from '../../platform/auth/index.js';
import { todayInBeijing, type Clock } from '../../platform/clock.js';
import { InvalidRequestError } from '../../platform/http/errors.js';
import type { RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentService } from '../content/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { CASE_READERS } from './case.access.js';
import type { CaseDb } from './case.tables.js';
import { casesCsv, figuresCsv } from './dashboard-csv.js';
import { dashboardFigures, reportLimitIds } from './dashboard-figures.js';
import { dashboardParams, drillParams, readDashboardQuery, readDrillQuery } from './dashboard.form.js';
import { countHref, workbenchQuery } from './dashboard-links.js';
import { caseList, districtList, unitNames } from './dashboard.queries.js';
import { tReports } from './messages.js';
import { reportNames } from './report-format.js';
import { DashboardListView } from './views/dashboard-list-view.js';
import { DashboardView } from './views/dashboard-view.js';

export interface DashboardDeps {
  db: CaseDb;
  content: ContentService;
  clock: Clock;
}

/** Cases a drill-down page shows; its CSV holds up to CSV_ROWS (a period of two years at 100,000 cases a year fits). */
const PAGE_ROWS = 200;
const CSV_ROWS = 200_000;

const guard = { staffGuard: { roles: CASE_READERS } };

async function scopeText(db: CaseDb, staff: StaffPrincipal, lang: Lang): Promise<string> {
  const scope = staffScopeOf(staff);
  if (scope.kind === 'district') {
    const district = (await districtList(db)).find((d) => d.id === scope.districtId);
    return tReports(lang, 'dashboard.scope.district', { district: district ? (lang === 'zh' ? district.name_zh : district.name_en) : scope.districtId });
  }
  if (scope.kind === 'department') {
    const [unit] = await unitNames(db, [scope.departmentId]);
    return tReports(lang, 'dashboard.scope.department', { department: unit ? (lang === 'zh' ? unit.name_zh : unit.name_en) : scope.departmentId });
  }
  return tReports(lang, 'dashboard.scope.all');
}

function csv(reply: FastifyReply, name: string, body: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
}

export function registerDashboardPages(app: FastifyInstance, deps: DashboardDeps): void {
  const { db, content, clock } = deps;
  const store = () => content.store;
  const topicIds = () => store().all('service-topics').map((topic) => topic.id);
  const limitIds = () => reportLimitIds(store().all('service-limits'));
  const names = async (lang: Lang, unitIds: (string | null | undefined)[]) =>
    reportNames(lang, store(), await districtList(db), await unitNames(db, [...new Set(unitIds.filter((id): id is string => typeof id === 'string'))]));

  /** The figures of a dashboard request, or its errors (400 for the page, a problem for the CSV). */
  async function figuresOf(request: FastifyRequest, lang: Lang) {
    const now = clock();
    const query = readDashboardQuery(request.query as RawForm, lang, todayInBeijing(now), topicIds());
    const scope: StaffScope = staffScopeOf(request.staff!);
    const figures = query.errors.length ? null : await dashboardFigures(db, scope, query.filter, query.period, now, limitIds());
    return { query, scope, figures };
  }

  app.get(routes.staffCasesDashboard, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { query, scope, figures } = await figuresOf(request, lang);
    const reportNamesOf = await names(lang, figures?.open.byUnit.map((row) => row.id) ?? []);
    const topics = store().all('service-topics').map((topic) => ({ id: topic.id, name: topic[lang].name }));
    const districts = scope.kind === 'district' ? undefined : (await districtList(db)).map((d) => ({ id: d.id, name: lang === 'zh' ? d.name_zh : d.name_en }));
    const body = (
      <DashboardView
        lang={lang}
        scope={await scopeText(db, request.staff!, lang)}
        input={query.input}
        errors={query.errors}
        period={query.period}
        filter={query.filter}
        topics={topics}
        districts={districts}
        figures={figures}
        names={reportNamesOf}
        href={(set, extra) => countHref(lang, set, { ...query.filter, ...extra }, query.period)}
      />
    );
    return sendStaffPage(request, reply, lang, tReports(lang, 'dashboard.title'), body, query.errors.length ? 400 : 200);
  });

  app.get(routes.staffCasesDashboardCsv, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { query, figures } = await figuresOf(request, lang);
    if (!figures) throw new InvalidRequestError(`The figures cannot be exported: ${query.errors.map((e) => `${e.field} (${e.message})`).join('; ')}`, query.errors.map((e) => ({ name: e.field, reason: e.message })));
    const reportNamesOf = await names(lang, figures.open.byUnit.map((row) => row.id));
    return csv(reply, `service-line-figures-${query.period.from}-${query.period.to}.csv`, figuresCsv(figures, reportNamesOf, lang));
  });

  async function listOf(request: FastifyRequest, lang: Lang, limit: number) {
    const now = clock();
    const query = readDrillQuery(request.query as RawForm, lang, todayInBeijing(now), topicIds(), limitIds());
    const rows = query.errors.length ? [] : await caseList(db, staffScopeOf(request.staff!), query.filter, query.set, now, limit);
    const unitIds = [...rows.map((row) => row.lead_department_id), query.set.figure === 'open' ? query.set.unit : undefined];
    return { query, rows, names: await names(lang, unitIds) };
  }

  app.get(routes.staffCasesDashboardList, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { query, rows, names: reportNamesOf } = await listOf(request, lang, PAGE_ROWS + 1);
    const workbench = query.errors.length ? null : workbenchQuery(query.set, query.filter);
    const body = (
      <DashboardListView
        lang={lang}
        set={query.set}
        filter={query.filter}
        period={query.period}
        errors={query.errors}
        rows={rows.slice(0, PAGE_ROWS)}
        more={rows.length > PAGE_ROWS}
        names={reportNamesOf}
        csvHref={urls.staffCasesDashboardListCsv(lang, drillParams(query.set, query.filter, query.period))}
        backHref={urls.staffCasesDashboard(lang, dashboardParams(query.filter, query.period))}
        workbenchHref={workbench ? urls.staffCases(lang, workbench) : null}
      />
    );
    return sendStaffPage(request, reply, lang, tReports(lang, query.errors.length ? 'drill.error' : 'drill.title'), body, query.errors.length ? 400 : 200);
  });

  app.get(routes.staffCasesDashboardListCsv, { config: guard }, async (request, reply) => {
    const lang = langOf(request);
    const { query, rows, names: reportNamesOf } = await listOf(request, lang, CSV_ROWS);
    if (query.errors.length) throw new InvalidRequestError(`The list cannot be exported: ${query.errors.map((e) => `${e.field} (${e.message})`).join('; ')}`, query.errors.map((e) => ({ name: e.field, reason: e.message })));
    return csv(reply, `service-line-cases-${query.set.figure}.csv`, casesCsv(rows, reportNamesOf, lang));
  });
}
