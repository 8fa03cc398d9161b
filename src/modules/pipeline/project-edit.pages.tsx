/**
 * /:lang/staff/projects/:reference/edit: the project's fields as a form (GET) and its post (updateProject). Only the
 * project's actors edit it (403 otherwise); bad input comes back with each problem at its field (400); success: 303 to
 * the project page with a notice.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { refusalText } from './messages.js';
import { tProject } from './messages.project.js';
import { actorsOf, mayEdit, PIPELINE_WRITERS } from './project-access.js';
import { errorsAt, readProjectForm, type ProjectFormValues } from './project-forms.js';
import { ProjectInputError } from './project-input.js';
import { pipelineStaff } from './project-page.load.js';
import { projectOr404, type ProjectPagesDeps } from './project-page.render.js';
import { beijingToday, PipelineActionError, updateProject } from './project-workflow.js';
import { projectTeam, type ProjectRow } from './project.repository.js';
import { requirementsAt } from './stage-rules.js';
import { EditProjectView } from './views/project-edit-view.js';
import { FIELD_GROUPS } from './views/project-fields.js';
import { ProjectRefusedView } from './views/project-page-view.js';

const GROUPED: readonly string[] = [...FIELD_GROUPS.project, ...FIELD_GROUPS.amounts, ...FIELD_GROUPS.source];
const evidenceOf = (project: ProjectRow) => requirementsAt(project.stage).filter((field) => !GROUPED.includes(field));
const fieldsOf = (project: ProjectRow) => [...GROUPED, ...evidenceOf(project)];

export function registerEditProjectPage(app: FastifyInstance, deps: ProjectPagesDeps): void {
  const { context } = deps.services;

  function refuse(request: FastifyRequest, reply: FastifyReply, project: ProjectRow) {
    const lang = langOf(request);
    return sendStaffPage(request, reply, lang, tProject(lang, 'pipeline.project.refused.title'), <ProjectRefusedView lang={lang} reference={project.reference} message={refusalText(lang, 'not_allowed')} />, 403);
  }

  function render(request: FastifyRequest, reply: FastifyReply, project: ProjectRow, values: ProjectFormValues, errors: FieldError[], status = 200) {
    const lang = langOf(request);
    const title = tProject(lang, 'pipeline.project.edit.title', { reference: project.reference, name: project.name });
    const model = { lang, csrf: request.staff!.csrfToken, reference: project.reference, name: project.name, evidence: evidenceOf(project), values, errors, today: beijingToday(context.now()) };
    return sendStaffPage(request, reply, lang, errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, <EditProjectView model={model} store={context.store()} />, status);
  }

  async function editable(request: FastifyRequest) {
    const project = await projectOr404(deps, request);
    const team = await projectTeam(context.db, project.id);
    return { project, allowed: mayEdit(actorsOf(pipelineStaff(request.staff!), project, team)) };
  }

  app.get(routes.staffProjectEdit, { config: { staffGuard: { roles: PIPELINE_WRITERS } } }, async (request, reply) => {
    const { project, allowed } = await editable(request);
    if (!allowed) return refuse(request, reply, project);
    const row = project as unknown as Record<string, unknown>;
    const values = Object.fromEntries(fieldsOf(project).map((field) => [field, row[field] == null ? undefined : String(row[field])]));
    return render(request, reply, project, values, []);
  });

  app.post(routes.staffProjectEdit, { config: { staffGuard: { roles: PIPELINE_WRITERS } } }, async (request, reply) => {
    const lang = langOf(request);
    const { project, allowed } = await editable(request);
    if (!allowed) return refuse(request, reply, project);
    const values = readProjectForm((request.body ?? {}) as Record<string, unknown>);
    // A field of the form left blank is cleared (the form reader reads blank as "not given", which would keep it).
    const posted = Object.fromEntries(fieldsOf(project).map((field) => [field, values[field as keyof ProjectFormValues] ?? '']));
    try {
      await updateProject(context, { staff: pipelineStaff(request.staff!), requestId: request.id }, project.reference, posted);
    } catch (error) {
      if (error instanceof ProjectInputError) return render(request, reply, project, values, errorsAt(lang, error.problems, null, fieldsOf(project)), 400);
      if (error instanceof PipelineActionError && error.reason === 'not_found') throw new NotFoundError(`No project ${project.reference} in your scope.`);
      if (error instanceof PipelineActionError && error.reason === 'not_allowed') return refuse(request, reply, project);
      throw error;
    }
    return reply.redirect(urls.staffProject(lang, project.reference, { notice: 'updated' }), 303);
  });
}
