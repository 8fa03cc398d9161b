/**
 * OpenAPI paths of the pipeline's staff API and its two ways in (a staff session cookie, an API client's bearer
 * token), from the zod schemas that describe its requests and serialise its answers; the api module adds them to the
 * document through the pipeline's index.
 */
import { json, jsonSchemaOf, problemResponse, queryParameters } from '../../../platform/http/openapi-schema.js';
import { SESSION_COOKIE } from '../../../platform/auth/index.js';
import { dashboardFilterSchema } from '../dashboard.form.js';
import { listFilterSchema } from '../list.form.js';
import {
  createdInvestorSchema, createProjectRequest, dashboardSchema, historySchema, investorQuerySchema, timelineQuerySchema, investorDetailSchema, investorListSchema, investorRequest, moveRequest,
  projectDetailSchema, projectListSchema, statusRequest, timelineSchema, updateProjectRequest,
} from './api-schemas.js';

const TAG = 'staff: investment projects';

export const PIPELINE_SECURITY_SCHEMES = {
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API client’s token (administrators create clients at /{lang}/staff/admin/api-clients; the token is shown once). It acts as the staff account chosen for it: that account’s role and scope.',
  },
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session of a staff member signed in to the staff pages. A change (POST, PATCH) also sends the session’s CSRF token in the X-CSRF-Token header.',
  },
};
const security = [{ apiToken: [] }, { staffSession: [] }];

const fieldErrors = {
  type: 'array',
  description: 'every invalid field: its name in the request, a stable code and what is wrong, in the language of Accept-Language (English or Chinese)',
  items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, detail: { type: 'string' } }, required: ['field', 'code', 'detail'] },
};
const invalid = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { errors: fieldErrors }, required: ['errors'] }] } } },
});
const unauthorized = {
  ...problemResponse('No valid credentials (no token or session, an unknown or revoked token, a disabled account); the same answer whatever was asked for'),
  headers: { 'WWW-Authenticate': { description: 'Bearer realm="staff"', schema: { type: 'string' } } },
};
const denied = problemResponse('Your role may not use this; or, with a session, the X-CSRF-Token header is missing or wrong');
const notAllowed = problemResponse('Your role may not use this, your part in the project does not allow this change, or (with a session) the X-CSRF-Token header is missing or wrong');
const notFound = problemResponse('No project with this reference in your scope (the same answer as no project at all)');
const conflict = problemResponse('The project is not where the change starts from (no-such-move), or it is lost or abandoned (closed)');
const limited = problemResponse('Rate limit exceeded (Retry-After says when to try again); failed attempts count');
const reference = { name: 'reference', in: 'path', required: true, description: 'the project reference', schema: { type: 'string', pattern: '^PJ-\\d{4}-\\d{6,}$' } };
const investorId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const csrf = { name: 'X-CSRF-Token', in: 'header', required: false, description: 'the session’s CSRF token (required with a session cookie; not with a bearer token)', schema: { type: 'string' } };
const body = (schema: Parameters<typeof jsonSchemaOf>[0]) => ({ required: true, content: { 'application/json': { schema: jsonSchemaOf(schema, 'input') } } });
const detail = (description: string) => json(jsonSchemaOf(projectDetailSchema), description);

function operation(id: string, summary: string, extra: Record<string, unknown>) {
  return { tags: [TAG], operationId: `staff_${id}`, summary, security, ...extra };
}

export function pipelineApiPaths(): Record<string, unknown> {
  const reads = { 401: unauthorized, 403: denied, 429: limited };
  const writes = { 401: unauthorized, 403: notAllowed, 429: limited };
  return {
    '/api/v1/staff/projects': {
      get: operation('list_projects', 'Projects in your scope, filtered as on the list page, 50 a page', {
        parameters: queryParameters(listFilterSchema),
        responses: { 200: json(jsonSchemaOf(projectListSchema), 'A page of projects'), 400: invalid('An invalid filter (each named)'), ...reads },
      }),
      post: operation('create_project', 'Create a project at lead (with an existing investor, or a new one)', {
        description: 'Give `investor_id` or `investor`. A district officer creates projects in their own district; a commissioner becomes the commissioner of what they create. Unknown fields are refused.',
        parameters: [csrf],
        requestBody: body(createProjectRequest),
        responses: { 201: { ...detail('Created'), headers: { Location: { description: 'the project, /api/v1/staff/projects/{reference}', schema: { type: 'string' } } } }, 400: invalid('Invalid fields (every one named)'), ...writes },
      }),
    },
    '/api/v1/staff/projects/dashboard': {
      get: operation('projects_dashboard', 'The dashboard’s figures for your scope: funnel, implementation rate per year, amounts by district, industry, origin and source, time in stage, overdue next actions', {
        parameters: queryParameters(dashboardFilterSchema),
        responses: { 200: json(jsonSchemaOf(dashboardSchema), 'The figures'), 400: invalid('An invalid filter (each named)'), ...reads },
      }),
    },
    '/api/v1/staff/projects/{reference}': {
      get: operation('get_project', 'One project: its fields, team, evidence and the moves open from its stage', {
        parameters: [reference],
        responses: { 200: detail('The project'), 404: notFound, ...reads },
      }),
      patch: operation('update_project', 'Change a project’s fields (only those given; the stage’s evidence must still hold)', {
        parameters: [reference, csrf],
        requestBody: body(updateProjectRequest),
        responses: { 200: detail('The project after the change'), 400: invalid('Invalid fields (every one named)'), 404: notFound, ...writes },
      }),
    },
    '/api/v1/staff/projects/{reference}/move': {
      post: operation('move_project', 'Move a project to another stage, with the evidence that stage requires', {
        description: 'The stage rules say which moves exist, who may make each and what each needs (see `moves` of the project). Every missing or invalid piece of evidence is named at once.',
        parameters: [reference, csrf],
        requestBody: body(moveRequest),
        responses: { 200: detail('The project after the move'), 400: invalid('Evidence missing or invalid (every field named)'), 404: notFound, 409: conflict, ...writes },
      }),
    },
    '/api/v1/staff/projects/{reference}/status': {
      post: operation('set_project_status', 'Change the status beside the stage (lost and abandoned need a reason and a note)', {
        parameters: [reference, csrf],
        requestBody: body(statusRequest),
        responses: { 200: detail('The project after the change'), 400: invalid('Reason or note missing or invalid'), 404: notFound, 409: conflict, ...writes },
      }),
    },
    '/api/v1/staff/projects/{reference}/history': {
      get: operation('project_history', 'The project’s stage log: every move and status change, oldest first', {
        parameters: [reference],
        responses: { 200: json(jsonSchemaOf(historySchema), 'The stage log'), 404: notFound, ...reads },
      }),
    },
    '/api/v1/staff/investors': {
      get: operation('list_investors', 'Investors by name (English or Chinese), 50 a page, with how many of their projects are in your scope', {
        parameters: queryParameters(investorQuerySchema),
        responses: { 200: json(jsonSchemaOf(investorListSchema), 'A page of investors'), 400: invalid('An invalid parameter'), ...reads },
      }),
      post: operation('create_investor', 'Add an investor (the same name and origin as an existing one is that investor)', {
        parameters: [csrf],
        requestBody: body(investorRequest),
        responses: {
          201: json(jsonSchemaOf(createdInvestorSchema), 'Created'),
          200: json(jsonSchemaOf(createdInvestorSchema), 'An investor with this name and origin already existed'),
          400: invalid('Invalid fields (every one named)'),
          ...writes,
        },
      }),
    },
    '/api/v1/staff/investors/{id}': {
      get: operation('get_investor', 'One investor and their projects in your scope', {
        parameters: [investorId],
        responses: { 200: json(jsonSchemaOf(investorDetailSchema), 'The investor'), 404: problemResponse('No such investor'), ...reads },
      }),
    },
    '/api/v1/staff/investors/{id}/timeline': {
      get: operation('investor_timeline', 'The investor’s timeline: projects, service items, cases, shared plans and interactions, as far as your scope reaches', {
        parameters: [investorId, ...queryParameters(timelineQuerySchema)],
        responses: { 200: json(jsonSchemaOf(timelineSchema), 'The timeline, newest first'), 400: invalid('An unknown kind'), 404: problemResponse('No such investor'), ...reads },
      }),
    },
  };
}
