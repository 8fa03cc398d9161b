/**
 * What the project page and the addresses it posts to share: finding the project in the reader's scope (404
 * otherwise, whatever the address), rendering the page — after a refused post too, with that form open — and the
 * notices a redirect carries back.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { t } from './messages.js';
import { tProject } from './messages.project.js';
import { projectScopeOf } from './project-access.js';
import { loadProjectPage, pipelineStaff, type ProjectPageRequest } from './project-page.load.js';
import { findProject, type ProjectRow } from './project.repository.js';
import type { PipelineServices } from './pipeline-services.js';
import { STAGES, STATUSES } from './stage-rules.js';
import { ProjectPageView } from './views/project-page-view.js';

export interface ProjectPagesDeps {
  services: PipelineServices;
  /** The shared handle, for the cases module's own reads (the source case within the reader's case scope). */
  db: Db;
}

export async function projectOr404(deps: ProjectPagesDeps, request: FastifyRequest): Promise<ProjectRow> {
  const { reference } = request.params as { reference: string };
  const project = await findProject(deps.services.context.db, projectScopeOf(pipelineStaff(request.staff!)), reference);
  if (!project) throw new NotFoundError(`No project ${reference} in your scope.`);
  return project;
}

/** The notices a redirect to the project page may carry (`?notice=`), and what each says. */
export const NOTICES = ['created', 'updated', 'team-added', 'team-removed', ...STAGES.map((s) => `moved-${s}` as const), ...STATUSES.map((s) => `status-${s}` as const)] as const;
export type Notice = (typeof NOTICES)[number];

export function noticeText(lang: Lang, notice: unknown): string | undefined {
  if (!(NOTICES as readonly unknown[]).includes(notice)) return undefined;
  const known = notice as Notice;
  if (known === 'created' || known === 'updated') return tProject(lang, `pipeline.project.notice.${known}`);
  if (known === 'team-added' || known === 'team-removed') return tProject(lang, known === 'team-added' ? 'pipeline.project.notice.teamAdded' : 'pipeline.project.notice.teamRemoved');
  const stage = STAGES.find((s) => known === `moved-${s}`);
  if (stage) return tProject(lang, 'pipeline.project.notice.moved', { stage: t(lang, `pipeline.stage.${stage}`) });
  const status = STATUSES.find((s) => known === `status-${s}`)!;
  return tProject(lang, 'pipeline.project.notice.status', { status: t(lang, `pipeline.status.${status}`) });
}

export async function sendProjectPage(
  deps: ProjectPagesDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  project: ProjectRow,
  options: Omit<ProjectPageRequest, 'lang' | 'staff' | 'project'> = {},
  status = 200,
): Promise<FastifyReply> {
  const lang = langOf(request);
  const { context } = deps.services;
  const model = await loadProjectPage(deps.db, context, { lang, staff: request.staff!, project, ...options });
  const title = tProject(lang, 'pipeline.project.title', { reference: project.reference, name: project.name });
  const body = <ProjectPageView model={model} store={context.store()} />;
  return sendStaffPage(request, reply, lang, model.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, status);
}
