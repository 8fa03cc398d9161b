/**
 * The addresses the project page's forms post to: move (…/move, with `to` and the evidence), status (…/status) and
 * team (…/team). The kanban board's card forms post to the same addresses with `back=board` and return there.
 * Invalid input: the project page again (400) with that form open, the values given and each problem at its field.
 * Refusals: not in scope → 404; not this person's to make → 403; a move the project cannot make from where it is now,
 * or a closed project → 409 with the page and why. Success: 303 with a notice. A GET of these addresses (a reload,
 * the language switch) goes to the project page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { refusalText } from './messages.js';
import { tProject } from './messages.project.js';
import { actorsOf, PIPELINE_READERS, PIPELINE_WRITERS } from './project-access.js';
import { errorsAt, isStage, readMoveForm, readStatusForm, readTeamForm, type PageForm } from './project-forms.js';
import { ProjectInputError } from './project-input.js';
import { pipelineStaff } from './project-page.load.js';
import { projectOr404, sendProjectPage, type Notice, type ProjectPagesDeps } from './project-page.render.js';
import { moveProject, PipelineActionError, setProjectStatus, setTeamMember, type Acting } from './project-workflow.js';
import { projectTeam, type ProjectRow } from './project.repository.js';
import { EVIDENCE_FIELDS, TEAM_ROLES, type Status, type TeamRole } from './stage-rules.js';
import { ProjectRefusedView } from './views/project-page-view.js';

const WRITERS = { staffGuard: { roles: PIPELINE_WRITERS } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerProjectActions(app: FastifyInstance, deps: ProjectPagesDeps): void {
  const { context } = deps.services;
  const acting = (request: FastifyRequest): Acting => ({ staff: pipelineStaff(request.staff!), requestId: request.id });

  function forbidden(request: FastifyRequest, reply: FastifyReply, project: ProjectRow) {
    const lang = langOf(request);
    return sendStaffPage(request, reply, lang, tProject(lang, 'pipeline.project.refused.title'), <ProjectRefusedView lang={lang} reference={project.reference} message={refusalText(lang, 'not_allowed')} />, 403);
  }

  /** Runs the change; answers its refusal or invalid input, or redirects with `notice`. */
  async function attempt(request: FastifyRequest, reply: FastifyReply, project: ProjectRow, form: PageForm, values: Record<string, string | undefined>, change: () => Promise<void>, notice: Notice) {
    const lang = langOf(request);
    try {
      await change();
    } catch (error) {
      if (error instanceof ProjectInputError) {
        return sendProjectPage(deps, request, reply, await projectOr404(deps, request), { failed: { form, values, errors: errorsAt(lang, error.problems, form, Object.keys(values)) } }, 400);
      }
      if (!(error instanceof PipelineActionError)) throw error;
      if (error.reason === 'not_found') throw new NotFoundError(`No project ${project.reference} in your scope.`);
      if (error.reason === 'not_allowed') return forbidden(request, reply, project);
      // Moved on meanwhile, or closed: the page as it is now, and why the change was not made.
      return sendProjectPage(deps, request, reply, await projectOr404(deps, request), { refusal: refusalText(lang, error.reason) }, 409);
    }
    if (values.back === 'board') return reply.redirect(urls.staffProjectsBoard(lang), 303);
    return reply.redirect(`${urls.staffProject(lang, project.reference, { notice })}#main`, 303);
  }

  app.post(routes.staffProjectMove, { config: WRITERS }, async (request, reply) => {
    const project = await projectOr404(deps, request);
    const values = readMoveForm((request.body ?? {}) as Record<string, unknown>);
    const to = values.to;
    if (!isStage(to)) return sendProjectPage(deps, request, reply, project, { refusal: refusalText(langOf(request), 'no_such_move') }, 409);
    const evidence = Object.fromEntries(EVIDENCE_FIELDS.filter((field) => values[field] !== undefined).map((field) => [field, values[field]]));
    return attempt(request, reply, project, { kind: 'move', to }, values, () => moveProject(context, acting(request), project.reference, { to, evidence, note: values.note }), `moved-${to}`);
  });

  app.post(routes.staffProjectStatus, { config: WRITERS }, async (request, reply) => {
    const project = await projectOr404(deps, request);
    const values = readStatusForm((request.body ?? {}) as Record<string, unknown>);
    const to = (values.status ?? '') as Status;
    const notice = `status-${to}` as Notice;
    return attempt(request, reply, project, { kind: 'status' }, values, () => setProjectStatus(context, acting(request), project.reference, { to, reason: values.reason, note: values.note }), notice);
  });

  app.post(routes.staffProjectTeam, { config: WRITERS }, async (request, reply) => {
    const project = await projectOr404(deps, request);
    const values = readTeamForm((request.body ?? {}) as Record<string, unknown>);
    const remove = values.remove === 'yes';
    // Refused before the form is read, as the workflow would: a person who may not staff the project learns nothing from its errors.
    const actors = actorsOf(pipelineStaff(request.staff!), project, await projectTeam(context.db, project.id));
    if (!actors.includes('municipal') && !actors.includes('district')) return forbidden(request, reply, project);
    const change = async () => {
      const problems = [];
      if (!(TEAM_ROLES as readonly unknown[]).includes(values.role)) problems.push({ field: 'role', code: 'invalid' as const });
      if (!values.staff_user_id) problems.push({ field: 'staff_user_id', code: 'required' as const });
      else if (!UUID.test(values.staff_user_id)) problems.push({ field: 'staff_user_id', code: 'invalid' as const });
      if (problems.length) throw new ProjectInputError(problems);
      await setTeamMember(context, acting(request), project.reference, { role: values.role as TeamRole, staffUserId: values.staff_user_id!, remove });
    };
    return attempt(request, reply, project, { kind: 'team' }, values, change, remove ? 'team-removed' : 'team-added');
  });

  for (const url of [routes.staffProjectMove, routes.staffProjectStatus, routes.staffProjectTeam]) {
    app.get(url, { config: { staffGuard: { roles: PIPELINE_READERS } } }, async (request, reply) => {
      const project = await projectOr404(deps, request);
      return reply.redirect(urls.staffProject(langOf(request), project.reference), 303);
    });
  }
}
