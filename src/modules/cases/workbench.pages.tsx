/**
 * The staff workbench, /:lang/staff/cases: queues with their counts, filters, search, sort and pages over the cases
 * in the person's scope (for the roles that work cases, and viewers who read), and the bulk dispatch
 * (POST /:lang/staff/cases/dispatch, for those who dispatch) that reports case by case.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffGuard, StaffPrincipal } from '../../platform/auth/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { CASE_READERS, DISPATCHERS } from './case.access.js';
import type { CaseServices } from './case-services.js';
import { caseSla } from './case-sla.js';
import { dispatchCases } from './dispatch-cases.js';
import { t } from './messages.js';
import { DispatchResultView } from './views/workbench-dispatch-view.js';
import { WorkbenchView } from './views/workbench-view.js';
import { filterQuery, readDispatchForm, readWorkbenchQuery } from './workbench.form.js';
import { departmentName, dispatchTargets, queueCounts, queuesFor, workbenchPage } from './workbench.queries.js';

const READERS: StaffGuard = { roles: CASE_READERS };

interface DispatchState {
  errors: FieldError[];
  selected: string[];
  lead: string;
  co: string[];
}

export function registerWorkbenchPages(app: FastifyInstance, { context }: CaseServices): void {
  const db = context.db;

  async function scopeText(lang: Lang, staff: StaffPrincipal): Promise<string> {
    if (staff.role === 'district_officer' && staff.districtId) {
      const district = context.store().districts.find((d) => d.id === staff.districtId);
      return t(lang, 'workbench.scope.district', { district: district ? district[lang].name : staff.districtId });
    }
    if (staff.role === 'department_handler' && staff.departmentId) {
      const names = await departmentName(db, staff.departmentId);
      return t(lang, 'workbench.scope.department', { department: names ? names[lang] : staff.departmentId });
    }
    return t(lang, 'workbench.scope.all');
  }

  async function workbench(request: FastifyRequest, reply: FastifyReply, dispatch?: DispatchState, status = 200) {
    const lang = langOf(request);
    const staff = request.staff!;
    const store = context.store();
    const now = context.now();
    const topics = [...store.all('service-topics')].sort((a, b) => a.order - b.order);
    const { filter, errors, input } = readWorkbenchQuery((request.query ?? {}) as Record<string, unknown>, lang, topics.map((x) => x.id));
    const counts = await queueCounts(db, staff, filter, now);
    const { rows, total } = await workbenchPage(db, staff, filter, now);
    const mayDispatch = DISPATCHERS.includes(staff.role);
    const body = (
      <WorkbenchView
        lang={lang}
        scope={await scopeText(lang, staff)}
        filter={filter}
        input={input}
        errors={errors}
        queues={queuesFor(staff)}
        counts={counts}
        rows={rows.map((row) => ({ ...row, sla: caseSla(row, now) }))}
        total={total}
        topics={topics.map((x) => ({ id: x.id, name: x[lang].name }))}
        districts={store.districts.map((d) => ({ id: d.id, name: d[lang].name }))}
        dispatch={mayDispatch ? { targets: await dispatchTargets(db), csrf: staff.csrfToken, errors: dispatch?.errors ?? [], selected: dispatch?.selected ?? [], lead: dispatch?.lead ?? '', co: dispatch?.co ?? [] } : undefined}
        readOnly={staff.role === 'viewer'}
      />
    );
    const title = t(lang, 'workbench.title');
    return sendStaffPage(request, reply, lang, errors.length || dispatch?.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, status);
  }

  app.get(routes.staffCases, { config: { staffGuard: READERS } }, (request, reply) => workbench(request, reply));

  app.post(routes.staffCasesDispatch, { config: { staffGuard: { roles: DISPATCHERS } } }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const form = readDispatchForm((request.body ?? {}) as Record<string, unknown>, lang);
    if (!form.value) {
      const errors = form.errors.map((e) => ({ ...e, field: `dispatch-${e.field}` }));
      return workbench(request, reply, { errors, selected: form.input.case ?? [], lead: form.input.lead ?? '', co: form.input.co ?? [] }, 400);
    }
    const outcomes = await dispatchCases(context.workflow(request.id), staff, form.value.case, { lead: form.value.lead, co: form.value.co ?? [] });
    const names = await departmentName(db, form.value.lead);
    const { filter } = readWorkbenchQuery((request.query ?? {}) as Record<string, unknown>, lang, context.store().all('service-topics').map((x) => x.id));
    const body = <DispatchResultView lang={lang} outcomes={outcomes} lead={names ? names[lang] : form.value.lead} back={urls.staffCases(lang, filterQuery(filter))} />;
    return sendStaffPage(request, reply, lang, t(lang, 'workbench.dispatch.resultTitle'), body);
  });

  // The dispatch address opened directly (a reload, the language switch of the result page): back to the list.
  app.get(routes.staffCasesDispatch, { config: { staffGuard: READERS } }, async (request, reply) => {
    const lang = langOf(request);
    const query = new URLSearchParams(request.url.split('?')[1] ?? '').toString();
    return reply.redirect(`${urls.staffCases(lang)}${query ? `?${query}` : ''}`, 303);
  });
}
