/** /:lang/staff/projects/:reference: the project page for every pipeline reader within their scope (404 outside it). */
import type { FastifyInstance } from 'fastify';
import { routes } from '../../platform/http/urls.js';
import { langOf } from '../staff/index.js';
import { PIPELINE_READERS } from './project-access.js';
import { noticeText, projectOr404, sendProjectPage, type ProjectPagesDeps } from './project-page.render.js';

export function registerProjectPage(app: FastifyInstance, deps: ProjectPagesDeps): void {
  app.get(routes.staffProject, { config: { staffGuard: { roles: PIPELINE_READERS } } }, async (request, reply) => {
    const project = await projectOr404(deps, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    return sendProjectPage(deps, request, reply, project, { notice: noticeText(langOf(request), query.notice) });
  });
}
