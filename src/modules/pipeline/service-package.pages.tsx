/**
 * The project's service package, /:lang/staff/projects/:reference/services:
 *  - GET   the items (owner unit, due date, status, the linked case with its status and SLA state), overdue said in
 *          words; for an actor on the project, a form to add an item and a small form per row to update it
 *  - POST  …/services       add an item
 *  - POST  …/services/:id   update one item (status, owner unit, due date, case link)
 *
 * Who: every pipeline reader within the project's scope reads (404 outside it, whatever the address); a pipeline writer
 * who is an actor on the project changes (403 otherwise). Invalid answers: 400 with each error at its field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { staffScopeOf, type StaffPrincipal } from '../../platform/auth/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { readForm, text, type RawForm } from '../../platform/http/form.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { caseSla, CASE_READERS } from '../cases/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { refusalText, t } from './messages.js';
import { tTimeline } from './messages.timeline.js';
import type { PipelineServices } from './pipeline-services.js';
import { actorsOf, mayEdit, PIPELINE_READERS, PIPELINE_WRITERS, projectScopeOf } from './project-access.js';
import { ProjectInputError, type FieldProblem } from './project-input.js';
import { beijingToday, PipelineActionError } from './project-workflow.js';
import { findProject, type ProjectRow } from './project.repository.js';
import { addServiceItem, updateServiceItem } from './service-package.js';
import { activeDepartments, isItemOverdue, serviceItems, servicePackageSummary, visibleCaseIds } from './service-package.queries.js';
import { ServicePackageRefused, ServicePackageView, type ItemForm, type ServicePackageModel } from './views/service-package-view.js';

const READERS = { staffGuard: { roles: PIPELINE_READERS } };
const WRITERS = { staffGuard: { roles: PIPELINE_WRITERS } };
const NOTICES = ['added', 'updated'] as const;

export const itemForm = z.object({ title: text({ max: 400 }), owner_department_id: text({ max: 100 }), due_on: text({ max: 20 }), status: text({ max: 20 }), case_reference: text({ max: 40 }) });
type ItemValues = Partial<Record<keyof z.output<typeof itemForm>, string>>;

const LABELS = {
  title: 'pipeline.services.field.title',
  owner_department_id: 'pipeline.services.field.owner',
  due_on: 'pipeline.services.field.due',
  status: 'pipeline.services.field.status',
  case_reference: 'pipeline.services.field.case',
} as const;

/** The id of a control: the add form's, or one row's. */
export const itemControlId = (itemId: string | null, field: string): string => (itemId ? `item-${itemId}-${field}` : `new-${field}`);

function itemErrors(lang: Lang, itemId: string | null, problems: readonly FieldProblem[]): FieldError[] {
  const order = Object.keys(LABELS);
  return [...problems]
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
    .map((problem) => {
      const label = problem.field in LABELS ? tTimeline(lang, LABELS[problem.field as keyof typeof LABELS]) : problem.field;
      const message = problem.field === 'case_reference' && problem.code === 'unknown' ? tTimeline(lang, 'pipeline.services.error.case') : t(lang, `pipeline.problem.${problem.code}`, { field: label, other: '' });
      return { field: itemControlId(itemId, problem.field), message };
    });
}

interface Failed {
  itemId: string | null;
  values: ItemValues;
  errors: FieldError[];
}

async function loadModel(services: PipelineServices, staff: StaffPrincipal, lang: Lang, project: ProjectRow, failed?: Failed, notice?: string): Promise<ServicePackageModel> {
  const { db, now } = services.context;
  const today = beijingToday(now());
  const [rows, team, departments, summary] = await Promise.all([
    serviceItems(db, project.id),
    db.selectFrom('pipeline_team').select(['staff_user_id', 'role']).where('project_id', '=', project.id).execute(),
    activeDepartments(db),
    servicePackageSummary(db, project.id, today),
  ]);
  const visible = await visibleCaseIds(db, staffScopeOf(staff), rows.flatMap((row) => (row.case_id ? [row.case_id] : [])));
  const at = now();
  const items = rows.map((row) => {
    const mine = failed?.itemId === row.id;
    const form: ItemForm = mine
      ? { values: failed.values, errors: failed.errors }
      : { values: { owner_department_id: row.owner_department_id ?? '', due_on: row.due_on ?? '', status: row.status, case_reference: row.case_reference ?? '' }, errors: [] };
    const linked = row.case_id && row.case_reference
      ? visible.has(row.case_id)
        ? {
            reference: row.case_reference, visible: true, linkable: CASE_READERS.includes(staff.role), status: row.case_status!, dueAt: row.case_due_at!,
            sla: caseSla({ status: row.case_status!, due_at: row.case_due_at!, limit_unit: row.case_limit_unit!, limit_amount: row.case_limit_amount!, replied_at: row.case_replied_at, closed_at: row.case_closed_at, clock_started_at: row.case_clock_started_at! }, at),
          }
        : { reference: row.case_reference, visible: false as const }
      : null;
    return { row, overdue: isItemOverdue(row, today), linked, form };
  });
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  return {
    lang, csrf: staff.csrfToken, project: { reference: project.reference, name: project.name }, today, summary, items,
    mayEdit: PIPELINE_WRITERS.includes(staff.role) && mayEdit(actorsOf(staff, project, team)),
    departments: departments.map((d) => ({ value: d.id, label: lang === 'zh' ? d.name_zh : d.name_en })).sort((a, b) => collator.compare(a.label, b.label)),
    add: failed && failed.itemId === null ? { values: failed.values, errors: failed.errors } : { values: { status: 'open' }, errors: [] },
    errors: failed?.errors ?? [],
    notice,
  };
}

export function registerServicePackagePages(app: FastifyInstance, services: PipelineServices): void {
  const { context } = services;

  async function projectOr404(request: FastifyRequest): Promise<ProjectRow> {
    const { reference } = request.params as { reference: string };
    const project = await findProject(context.db, projectScopeOf(request.staff!), reference);
    if (!project) throw new NotFoundError(`No project ${reference} in your scope.`);
    return project;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, project: ProjectRow, options: { failed?: Failed; notice?: string } = {}, status = 200) {
    const lang = langOf(request);
    const model = await loadModel(services, request.staff!, lang, project, options.failed, options.notice);
    const title = tTimeline(lang, 'pipeline.services.title', { reference: project.reference });
    return sendStaffPage(request, reply, lang, model.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, <ServicePackageView model={model} />, status);
  }

  /** Runs a change; answers its refusal or invalid input, or redirects back to the package with a notice. */
  async function change(request: FastifyRequest, reply: FastifyReply, itemId: string | null, run: (values: ItemValues) => Promise<unknown>) {
    const lang = langOf(request);
    const project = await projectOr404(request);
    const values = readForm(itemForm, (request.body ?? {}) as RawForm) as ItemValues;
    try {
      await run(values);
    } catch (error) {
      if (error instanceof ProjectInputError) return page(request, reply, project, { failed: { itemId, values, errors: itemErrors(lang, itemId, error.problems) } }, 400);
      if (!(error instanceof PipelineActionError)) throw error;
      if (error.reason === 'not_found') throw new NotFoundError(error.message);
      return sendStaffPage(request, reply, lang, refusalText(lang, error.reason), <ServicePackageRefused lang={lang} reference={project.reference} message={refusalText(lang, error.reason)} />, 403);
    }
    return reply.redirect(`${urls.staffProjectServices(lang, project.reference, { notice: itemId ? 'updated' : 'added' })}#items`, 303);
  }

  const acting = (request: FastifyRequest) => ({ staff: request.staff!, caseScope: staffScopeOf(request.staff!), requestId: request.id });

  app.get(routes.staffProjectServices, { config: READERS }, async (request, reply) => {
    const project = await projectOr404(request);
    const notice = (request.query as Record<string, unknown> | undefined)?.notice;
    const known = NOTICES.find((n) => n === notice);
    return page(request, reply, project, { notice: known ? tTimeline(langOf(request), `pipeline.services.notice.${known}`) : undefined });
  });

  app.post(routes.staffProjectServices, { config: WRITERS }, (request, reply) =>
    change(request, reply, null, (values) => addServiceItem(context, acting(request), (request.params as { reference: string }).reference, values)),
  );

  app.post(routes.staffProjectServiceItem, { config: WRITERS }, (request, reply) => {
    const { reference, id } = request.params as { reference: string; id: string };
    return change(request, reply, id, (values) => updateServiceItem(context, acting(request), reference, id, values));
  });

  // The address a row's form posts to, opened directly (a reload, the language switch): back to the package.
  app.get(routes.staffProjectServiceItem, { config: READERS }, async (request, reply) => {
    const project = await projectOr404(request);
    return reply.redirect(urls.staffProjectServices(langOf(request), project.reference), 303);
  });
}
