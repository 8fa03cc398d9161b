/**
 * The staff API's investors: search them, add one, read one with their projects in the caller's scope, and their
 * timeline (timeline.ts: projects, service items, cases, plans and interactions, each as far as the caller may see).
 * Investors' names and facts are shown to every pipeline reader, as the investors' pages show them; what they do —
 * projects, cases — only within the caller's scope.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { jsonSchemaOf } from '../../../platform/http/openapi-schema.js';
import { routes, urls } from '../../../platform/http/urls.js';
import { findInvestors, investorProjects, projectCounts } from '../investors.queries.js';
import type { PipelineServices } from '../pipeline-services.js';
import { PIPELINE_READERS, PIPELINE_WRITERS, projectScopeOf } from '../project-access.js';
import { findInvestor, type InvestorRow } from '../project.repository.js';
import { createInvestor } from '../project-workflow.js';
import { investorTimeline, TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../timeline.js';
import { apiLang, asApiProblems, invalidInput, objectBody } from './api-problems.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { tApi } from '../messages.api.js';
import { API_BODY_LIMIT, INVESTOR_PAGE_SIZE, createdInvestorSchema, investorDetailSchema, investorListSchema, investorQuerySchema, timelineQuerySchema, timelineSchema } from './api-schemas.js';
import { apiGuard, apiStaff } from './staff-api-auth.js';

const iso = (at: Date) => at.toISOString();
const investorOut = (row: InvestorRow) => ({ id: row.id, name: row.name, name_zh: row.name_zh, origin: row.origin, parent_group: row.parent_group, created_at: iso(row.created_at) });
const noInvestor = (lang: 'en' | 'zh') => new NotFoundError(tApi(lang, 'pipeline.api.problem.no_investor'));
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** A timeline entry in the API's one flat shape (fields that do not apply are null). */
function entryOut(entry: TimelineEntry) {
  const base = {
    kind: entry.kind, event: null as string | null, at: iso(entry.at), day: entry.day, project: null as null | { reference: string; name: string; stage: string; status: string },
    from_stage: null, to_stage: null, from_status: null, to_status: null, reason: null, item: null, case: null, interaction: null, plan_url: null, people: null, note: null,
  };
  switch (entry.kind) {
    case 'project':
      return { ...base, event: entry.event, project: entry.project, from_stage: entry.fromStage, to_stage: entry.toStage, from_status: entry.fromStatus, to_status: entry.toStatus, reason: entry.reason, note: entry.note };
    case 'service':
      return { ...base, event: entry.event, project: entry.project, item: entry.item };
    case 'case':
      return { ...base, event: entry.event, case: { reference: entry.case.reference, subject: entry.case.subject, confidential: entry.case.confidential, status: entry.case.status } };
    case 'plan':
      return { ...base, project: entry.project, plan_url: entry.planUrl, people: entry.people, note: entry.notes };
    case 'interaction':
      return { ...base, project: entry.project, interaction: entry.interaction, people: entry.people, note: entry.notes };
  }
}

export function registerInvestorsApi(api: FastifyInstance, { context }: PipelineServices, db: Db): void {
  const read = apiGuard(context.db, PIPELINE_READERS);
  const write = apiGuard(context.db, PIPELINE_WRITERS);

  api.get(routes.apiStaffInvestors, { config: read, schema: { response: { 200: jsonSchemaOf(investorListSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const parsed = investorQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) throw invalidInput(lang, parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'query'), code: issue.code === 'too_big' ? 'too_long' : 'invalid' })));
    const page = parsed.data.page ?? 1;
    const { rows, total } = await findInvestors(context.db, parsed.data.q ?? '', page, INVESTOR_PAGE_SIZE);
    const counts = await projectCounts(context.db, projectScopeOf(apiStaff(request)), rows.map((row) => row.id));
    return { items: rows.map((row) => ({ ...investorOut(row), projects_in_scope: counts.get(row.id) ?? 0 })), total, page, page_size: INVESTOR_PAGE_SIZE };
  });

  api.post(routes.apiStaffInvestors, { config: write, bodyLimit: API_BODY_LIMIT, schema: { response: { 200: jsonSchemaOf(createdInvestorSchema), 201: jsonSchemaOf(createdInvestorSchema) } } }, async (request, reply) => {
    const lang = apiLang(request);
    const { body, problems } = objectBody(request.body, ['name', 'name_zh', 'origin', 'parent_group']);
    if (problems.length) throw invalidInput(lang, problems);
    const result = await asApiProblems(lang, () => createInvestor(context, { staff: apiStaff(request), requestId: request.id }, body));
    // An investor with this name and origin already existed: it is that one (200), not a new one (201).
    reply.code(result.created ? 201 : 200).header('location', urls.apiStaffInvestor(result.id));
    return result;
  });

  api.get(routes.apiStaffInvestor, { config: read, schema: { response: { 200: jsonSchemaOf(investorDetailSchema) } } }, async (request) => {
    const investor = await findInvestor(context.db, idOf(request));
    if (!investor) throw noInvestor(apiLang(request));
    const projects = await investorProjects(context.db, projectScopeOf(apiStaff(request)), investor.id);
    return { ...investorOut(investor), projects: projects.map(({ reference, name, stage, status }) => ({ reference, name, stage, status })) };
  });

  api.get(routes.apiStaffInvestorTimeline, { config: read, schema: { response: { 200: jsonSchemaOf(timelineSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const parsed = timelineQuerySchema.safeParse(request.query ?? {});
    const kinds = parsed.success && parsed.data.kinds ? parsed.data.kinds.split(',').map((k) => k.trim()).filter(Boolean) : [];
    const unknown = kinds.filter((kind) => !(TIMELINE_KINDS as readonly string[]).includes(kind));
    if (!parsed.success || unknown.length) throw invalidInput(lang, [{ field: 'kinds', code: 'invalid' }]);
    const timeline = await investorTimeline(db, apiStaff(request), idOf(request), { kinds: kinds as TimelineKind[] });
    if (!timeline) throw noInvestor(lang);
    const { investor } = timeline;
    return {
      investor: { id: investor.id, name: investor.name, name_zh: investor.nameZh, origin: investor.origin, parent_group: investor.parentGroup },
      in_scope: timeline.inScope,
      projects: timeline.projects,
      entries: timeline.entries.map(entryOut),
    };
  });
}
