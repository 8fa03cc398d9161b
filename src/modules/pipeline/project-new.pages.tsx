/**
 * /:lang/staff/projects/new: the create form (GET) and its post. The investor is found by name (?investor_q=, or
 * preselected by ?investor=<id>) or entered as new; ?case=<reference> starts from a service-line case in the reader's
 * case scope (an unknown or out-of-scope case is "not found"). Bad input: 400 with every problem at its field; success:
 * 303 to the new project's page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { staffScopeOf, type StaffPrincipal } from '../../platform/auth/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { caseDb, findCaseForStaff } from '../cases/index.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { tProject } from './messages.project.js';
import { PIPELINE_WRITERS } from './project-access.js';
import { createProjectFromForm } from './project-create.js';
import { errorsAt, INVESTOR_FIELDS, readInvestorForm, readProjectForm, type InvestorFormValues, type ProjectFormValues } from './project-forms.js';
import { PROJECT_FIELDS, ProjectInputError } from './project-input.js';
import { pipelineStaff } from './project-page.load.js';
import type { ProjectPagesDeps } from './project-page.render.js';
import { beijingToday } from './project-workflow.js';
import { findInvestor, searchInvestors, type InvestorRow } from './project.repository.js';
import { NewProjectView, type NewProjectModel } from './views/project-new-view.js';

const CASE_REFERENCE = /^IB-\d{4}-\d{6,}$/;

async function sourceCaseOf(deps: ProjectPagesDeps, staff: StaffPrincipal, reference: string | undefined) {
  if (!reference) return null;
  const row = CASE_REFERENCE.test(reference) ? await findCaseForStaff(caseDb(deps.db), staffScopeOf(staff), reference) : undefined;
  if (!row) throw new NotFoundError(`No case ${reference} in your scope.`);
  return row;
}

async function investorsFor(deps: ProjectPagesDeps, investor: InvestorFormValues): Promise<InvestorRow[]> {
  const db = deps.services.context.db;
  const found = investor.investor_q ? await searchInvestors(db, investor.investor_q) : [];
  const chosen = investor.investor_id && investor.investor_id !== 'new' ? await findInvestor(db, investor.investor_id) : undefined;
  return chosen && !found.some((row) => row.id === chosen.id) ? [chosen, ...found] : found;
}

export function registerNewProjectPage(app: FastifyInstance, deps: ProjectPagesDeps): void {
  const { context } = deps.services;

  async function render(request: FastifyRequest, reply: FastifyReply, state: { investor: InvestorFormValues; values: ProjectFormValues; sourceCase: Awaited<ReturnType<typeof sourceCaseOf>>; errors: FieldError[] }, status = 200) {
    const lang: Lang = langOf(request);
    const model: NewProjectModel = {
      lang,
      csrf: request.staff!.csrfToken,
      investors: await investorsFor(deps, state.investor),
      searched: Boolean(state.investor.investor_q),
      sourceCase: state.sourceCase ? { reference: state.sourceCase.reference, subject: state.sourceCase.subject, lang: state.sourceCase.lang } : null,
      investor: state.investor,
      values: state.values,
      errors: state.errors,
      today: beijingToday(context.now()),
    };
    const title = tProject(lang, 'pipeline.project.new.title');
    const body = <NewProjectView model={model} store={context.store()} />;
    return sendStaffPage(request, reply, lang, state.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, status);
  }

  app.get(routes.staffProjectNew, { config: { staffGuard: { roles: PIPELINE_WRITERS } } }, async (request, reply) => {
    const staff = request.staff!;
    const query = (request.query ?? {}) as Record<string, unknown>;
    const investor = readInvestorForm({ investor_q: query.investor_q, investor_id: query.investor, case: query.case });
    const sourceCase = await sourceCaseOf(deps, staff, investor.case);
    const values: ProjectFormValues = { district_id: staff.role === 'district_officer' ? (staff.districtId ?? undefined) : undefined };
    if (sourceCase) {
      // The case's enterprise is the investor: look for it among the known ones, or start a new one with its name.
      const enterprise = sourceCase.enterprise_name ?? undefined;
      investor.investor_q ??= enterprise;
      investor.investor_name = enterprise;
      values.source_kind = 'service_case';
      values.district_id ??= sourceCase.district_id ?? undefined;
    }
    return render(request, reply, { investor, values, sourceCase, errors: [] });
  });

  app.post(routes.staffProjectNew, { config: { staffGuard: { roles: PIPELINE_WRITERS } } }, async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const investor = readInvestorForm(body);
    const values = readProjectForm(body);
    const sourceCase = await sourceCaseOf(deps, staff, investor.case);
    try {
      const { reference } = await createProjectFromForm(context, { staff: pipelineStaff(staff), requestId: request.id }, { investor, fields: values, sourceCaseId: sourceCase?.id ?? null });
      return reply.redirect(urls.staffProject(lang, reference, { notice: 'created' }), 303);
    } catch (error) {
      if (!(error instanceof ProjectInputError)) throw error;
      const errors = errorsAt(lang, error.problems, null, [...INVESTOR_FIELDS, ...PROJECT_FIELDS]);
      return render(request, reply, { investor, values, sourceCase, errors }, 400);
    }
  });
}
