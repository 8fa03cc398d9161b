/**
 * The service line for API clients: POST /api/v1/cases files a case (JSON, the form's fields), GET
 * /api/v1/cases/{reference} reads it with its token, and the enterprise's actions (materials, rating, reopen) take the
 * token too. Answers that carry or follow from the token are never cached (Cache-Control: no-store).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../../config.js';
import { jsonSchemaOf } from '../../platform/http/openapi-schema.js';
import { routes, urls } from '../../platform/http/urls.js';
import type { ContentStore } from '../content/index.js';
import { ACTION_INPUTS } from './case-actions.js';
import type { CaseContext } from './case-context.js';
import { findCaseWithToken, type CaseRow } from './case.repository.js';
import { caseSubmissionSchema, type CaseSubmission } from './case.schemas.js';
import { applyAction, CaseActionError } from './case-workflow.js';
import { actionProblem, fieldProblem, invalidProblem, sendCaseNotFound, tooManySubmissions, zodProblems, type FieldProblem } from './cases.api.problems.js';
import { ENTERPRISE_ACTIONS, submittedCaseSchema, trackedCaseSchema, type TrackedCase } from './cases.api.schemas.js';
import { attachmentView } from './attachments/attachments.api.js';
import { caseAttachments } from './attachments/attachment.repository.js';
import { publicView } from './public-view.js';
import { CaseInputError, submitCase } from './submit-case.js';
import { countSubmission, submissionWait } from './submission-limits.js';

/** Writes by the enterprise other than filing (actions, uploads): stricter than the API's reads. */
export const ENTERPRISE_WRITE_LIMIT = { max: 30, timeWindow: 60_000 };

/** The tracking token: the X-Case-Token header, else `?token=` (the header keeps it out of logs and history). */
export function caseTokenOf(request: FastifyRequest): string {
  const header = request.headers['x-case-token'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token.trim() : '';
}

/** The case named in the path, if the token given opens it. */
export async function caseOfRequest(context: CaseContext, request: FastifyRequest): Promise<CaseRow | undefined> {
  const { reference } = request.params as { reference: string };
  return findCaseWithToken(context.db, reference, caseTokenOf(request));
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidProblem([fieldProblem('body', 'not_object')]);
  return body as Record<string, unknown>;
}

function unknownFields(body: Record<string, unknown>, known: readonly string[]): FieldProblem[] {
  return Object.keys(body).filter((key) => !known.includes(key)).map((key) => fieldProblem(key, 'unknown_field'));
}

/** The submission, with every problem at once: each field, the unknown ones, and the topic against the catalogue. */
export function parseSubmission(raw: unknown, store: ContentStore): CaseSubmission {
  const body = objectBody(raw);
  const problems = unknownFields(body, Object.keys(caseSubmissionSchema.shape));
  const parsed = caseSubmissionSchema.safeParse(body);
  if (!parsed.success) problems.push(...zodProblems(parsed.error));
  const topicId = typeof body.topic === 'string' ? body.topic.trim() : '';
  if (topicId && !problems.some((p) => p.field === 'topic')) {
    const topic = store.all('service-topics').find((t) => t.id === topicId);
    if (!topic) problems.push(fieldProblem('topic', 'unknown_topic'));
    else if (typeof body.kind === 'string' && (topic.case_kinds as readonly string[]).includes(body.kind) === false && !problems.some((p) => p.field === 'kind')) {
      problems.push(fieldProblem('topic', 'topic_kind_mismatch'));
    }
  }
  if (problems.length || !parsed.success) throw invalidProblem(problems);
  return parsed.data;
}

function parseActionInput(action: keyof typeof ACTION_INPUTS, raw: unknown): unknown {
  const body = objectBody(raw);
  const schema = ACTION_INPUTS[action] as z.ZodObject;
  const problems = unknownFields(body, Object.keys(schema.shape));
  const parsed = schema.safeParse(body);
  if (!parsed.success) problems.push(...zodProblems(parsed.error));
  if (problems.length || !parsed.success) throw invalidProblem(problems);
  return parsed.data;
}

/** The public view of the case and the files the enterprise attached. */
export async function trackedCase(context: CaseContext, row: CaseRow): Promise<TrackedCase> {
  const view = await publicView(context.db, context.store(), row, context.now());
  const attachments = await caseAttachments(context.db, row.id, 'enterprise');
  return { ...view, attachments: attachments.map((a) => attachmentView(row.reference, a)) };
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export function registerCasesApi(api: FastifyInstance, context: CaseContext, config: Config): void {
  api.post(
    routes.apiCases,
    { schema: { response: { 201: jsonSchemaOf(submittedCaseSchema) } } },
    async (request, reply) => {
      noStore(reply);
      const submission = parseSubmission(request.body, context.store());
      const now = context.now();
      const wait = await submissionWait(context.db, config, { ip: request.ip, email: submission.contact_email, now });
      if (wait) throw tooManySubmissions(wait);
      await context.ready();
      try {
        const filed = await submitCase(context.db, context.store(), context.deadlines, submission, { channel: 'api', now, requestId: request.id, baseUrl: context.baseUrl });
        // The case is filed: a failure to count it must not hide its reference from the client.
        await countSubmission(context.db, request.ip, now).catch((error: unknown) => request.log.error({ err: error }, 'case submission not counted'));
        reply.code(201).header('location', urls.apiCase(filed.reference));
        return {
          reference: filed.reference,
          token: filed.token,
          status: filed.status,
          due_at: filed.dueAt.toISOString(),
          time_limit: { id: filed.limit.id, amount: filed.limit.limit.amount, unit: filed.limit.limit.unit, rule: filed.limit.rule },
          tracking_url: filed.trackingUrl,
        };
      } catch (error) {
        if (error instanceof CaseInputError) throw invalidProblem([fieldProblem(error.field, error.code)]);
        throw error;
      }
    },
  );

  api.get(routes.apiCase, { schema: { response: { 200: jsonSchemaOf(trackedCaseSchema) } } }, async (request, reply) => {
    noStore(reply);
    const row = await caseOfRequest(context, request);
    if (!row) return sendCaseNotFound(reply);
    return trackedCase(context, row);
  });

  const actionRoutes = { materials: routes.apiCaseMaterials, rating: routes.apiCaseRating, reopen: routes.apiCaseReopen } as const;
  for (const [path, action] of Object.entries(ENTERPRISE_ACTIONS) as [keyof typeof ENTERPRISE_ACTIONS, (typeof ENTERPRISE_ACTIONS)[keyof typeof ENTERPRISE_ACTIONS]][]) {
    api.post(actionRoutes[path], { config: { rateLimit: ENTERPRISE_WRITE_LIMIT }, schema: { response: { 200: jsonSchemaOf(trackedCaseSchema) } } }, async (request, reply) => {
      noStore(reply);
      const row = await caseOfRequest(context, request);
      if (!row) return sendCaseNotFound(reply);
      const input = parseActionInput(action, request.body);
      await context.ready();
      try {
        await applyAction(context.workflow(request.id), row.reference, { type: 'enterprise' }, action, input);
      } catch (error) {
        if (error instanceof CaseActionError) throw actionProblem(error);
        throw error;
      }
      const after = await caseOfRequest(context, request);
      return trackedCase(context, after ?? row);
    });
  }
}
