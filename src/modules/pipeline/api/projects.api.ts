/**
 * The staff API's projects: list (the list page's filters as query parameters), create, read, edit, move, change
 * status and read the stage log — each a thin route over the same functions the pages use (list.queries.ts,
 * project-create.ts, project-workflow.ts), so a rule holds the same for a person and for a client. Reads need a
 * pipeline reader, changes a writer; what each may touch is decided by the workflow and the scope in every query.
 * (Answers are never cached: the staff guard sends Cache-Control: no-store on every staff route.)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonSchemaOf } from '../../../platform/http/openapi-schema.js';
import { routes, urls } from '../../../platform/http/urls.js';
import type { RawForm } from '../../../platform/http/form.js';
import { readListQuery } from '../list.form.js';
import { listProjects } from '../list.queries.js';
import { PIPELINE_READERS, PIPELINE_WRITERS, projectScopeOf } from '../project-access.js';
import { createProjectFromForm } from '../project-create.js';
import type { InvestorFormValues, ProjectFormValues } from '../project-forms.js';
import { evidenceSchema, PROJECT_FIELDS } from '../project-input.js';
import { beijingToday, moveProject, setProjectStatus, updateProject, type Acting } from '../project-workflow.js';
import type { PipelineServices } from '../pipeline-services.js';
import { STAGES, STATUSES } from '../stage-rules.js';
import { apiLang, asApiProblems, invalidInput, invalidQuery, objectBody, refusal, type ApiProblemInput } from './api-problems.js';
import { API_BODY_LIMIT, historySchema, projectDetailSchema, projectListSchema } from './api-schemas.js';
import { apiGuard, apiStaff } from './staff-api-auth.js';
import { projectDetail, projectHistory, projectSummary } from './project-view.js';

const INVESTOR_KEYS = ['name', 'name_zh', 'origin', 'parent_group'] as const;
/** The create form's names of the new investor's fields, as the request names them. */
const INVESTOR_FIELD_NAMES: Record<string, string> = { investor_name: 'investor.name', investor_name_zh: 'investor.name_zh', origin: 'investor.origin', parent_group: 'investor.parent_group' };
const EVIDENCE_KEYS = Object.keys(evidenceSchema.shape);

const acting = (request: FastifyRequest): Acting => ({ staff: apiStaff(request), requestId: request.id });
const referenceOf = (request: FastifyRequest) => (request.params as { reference: string }).reference;

function isText(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === 'string';
}

function oneOf<T extends string>(values: readonly T[], value: unknown, field: string, problems: ApiProblemInput[]): T | undefined {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  problems.push({ field, code: value === undefined || value === null ? 'required' : 'invalid' });
  return undefined;
}

export function registerProjectsApi(api: FastifyInstance, { context }: PipelineServices): void {
  const read = apiGuard(context.db, PIPELINE_READERS);
  const write = apiGuard(context.db, PIPELINE_WRITERS);

  async function detailOr404(request: FastifyRequest, lang = apiLang(request)) {
    const detail = await projectDetail(context, apiStaff(request), referenceOf(request));
    if (!detail) throw refusal(lang, 'not_found');
    return detail;
  }

  api.get(routes.apiStaffProjects, { config: read, schema: { response: { 200: jsonSchemaOf(projectListSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const staff = apiStaff(request);
    const query = readListQuery((request.query ?? {}) as RawForm, lang, staff.userId);
    if (query.errors.length) throw invalidQuery(lang, query.errors);
    const page = await listProjects(context.db, projectScopeOf(staff), query.filters, beijingToday(context.now()));
    return { items: page.rows.map(projectSummary), total: page.total, capped: page.capped, page: page.page, page_size: page.pageSize };
  });

  api.post(routes.apiStaffProjects, { config: write, bodyLimit: API_BODY_LIMIT, schema: { response: { 201: jsonSchemaOf(projectDetailSchema) } } }, async (request, reply) => {
    const lang = apiLang(request);
    const { body, problems } = objectBody(request.body, [...PROJECT_FIELDS, 'investor_id', 'investor']);
    const investor: InvestorFormValues = {};
    if (body.investor_id !== undefined && body.investor !== undefined) problems.push({ field: 'investor', code: 'invalid' });
    else if (body.investor_id !== undefined) {
      if (typeof body.investor_id === 'string' && body.investor_id.trim()) investor.investor_id = body.investor_id.trim();
      else problems.push({ field: 'investor_id', code: 'invalid' });
    } else if (body.investor !== undefined) {
      const given = objectBody(body.investor, INVESTOR_KEYS, 'investor');
      problems.push(...given.problems);
      Object.assign(investor, { investor_id: 'new', investor_name: given.body.name, investor_name_zh: given.body.name_zh, origin: given.body.origin, parent_group: given.body.parent_group });
    } else problems.push({ field: 'investor_id', code: 'required' });
    if (problems.length) throw invalidInput(lang, problems);
    const fields = Object.fromEntries(PROJECT_FIELDS.filter((key) => key in body).map((key) => [key, body[key]])) as ProjectFormValues;
    const created = await asApiProblems(lang, () => createProjectFromForm(context, acting(request), { investor, fields, sourceCaseId: null }), (field) => INVESTOR_FIELD_NAMES[field] ?? field);
    reply.code(201).header('location', urls.apiStaffProject(created.reference));
    return (await projectDetail(context, apiStaff(request), created.reference))!;
  });

  api.get(routes.apiStaffProject, { config: read, schema: { response: { 200: jsonSchemaOf(projectDetailSchema) } } }, async (request) => detailOr404(request));

  api.patch(routes.apiStaffProject, { config: write, bodyLimit: API_BODY_LIMIT, schema: { response: { 200: jsonSchemaOf(projectDetailSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const { body, problems } = objectBody(request.body, PROJECT_FIELDS);
    if (problems.length) throw invalidInput(lang, problems);
    await asApiProblems(lang, () => updateProject(context, acting(request), referenceOf(request), body));
    return detailOr404(request, lang);
  });

  api.post(routes.apiStaffProjectMove, { config: write, bodyLimit: API_BODY_LIMIT, schema: { response: { 200: jsonSchemaOf(projectDetailSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const { body, problems } = objectBody(request.body, ['to', 'evidence', 'note']);
    const to = oneOf(STAGES, body.to, 'to', problems);
    const evidence = body.evidence === undefined || body.evidence === null ? { body: {}, problems: [] } : objectBody(body.evidence, EVIDENCE_KEYS, 'evidence');
    problems.push(...evidence.problems);
    if (!isText(body.note)) problems.push({ field: 'note', code: 'invalid' });
    if (problems.length || !to) throw invalidInput(lang, problems);
    // The evidence's problems are named where the client sent them: `evidence.signed_on`.
    const rename = (field: string) => (EVIDENCE_KEYS.includes(field) ? `evidence.${field}` : field);
    await asApiProblems(lang, () => moveProject(context, acting(request), referenceOf(request), { to, evidence: evidence.body, note: body.note as string | null | undefined }), rename);
    return detailOr404(request, lang);
  });

  api.post(routes.apiStaffProjectStatus, { config: write, bodyLimit: API_BODY_LIMIT, schema: { response: { 200: jsonSchemaOf(projectDetailSchema) } } }, async (request) => {
    const lang = apiLang(request);
    const { body, problems } = objectBody(request.body, ['to', 'reason', 'note']);
    const to = oneOf(STATUSES, body.to, 'to', problems);
    for (const field of ['reason', 'note'] as const) if (!isText(body[field])) problems.push({ field, code: 'invalid' });
    if (problems.length || !to) throw invalidInput(lang, problems);
    const input = { to, reason: body.reason as string | null | undefined, note: body.note as string | null | undefined };
    await asApiProblems(lang, () => setProjectStatus(context, acting(request), referenceOf(request), input), (field) => (field === 'status' ? 'to' : field));
    return detailOr404(request, lang);
  });

  api.get(routes.apiStaffProjectHistory, { config: read, schema: { response: { 200: jsonSchemaOf(historySchema) } } }, async (request) => {
    const history = await projectHistory(context, apiStaff(request), referenceOf(request));
    if (!history) throw refusal(apiLang(request), 'not_found');
    return history;
  });
}
