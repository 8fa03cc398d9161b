/**
 * OpenAPI paths of the service line's API, from the zod schemas that validate its requests and serialise its
 * answers (added to the document by the api module through the cases index).
 */
import { json, jsonSchemaOf, problemResponse } from '../../platform/http/openapi-schema.js';
import { ACTION_INPUTS } from './case-actions.js';
import { caseSubmissionSchema } from './case.schemas.js';
import { attachmentListSchema, ENTERPRISE_ACTIONS, submittedCaseSchema, trackedCaseSchema } from './cases.api.schemas.js';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from './attachments/attachment-checks.js';

const TAG = 'service line';

const fieldErrors = {
  type: 'array',
  description: 'every invalid field: its name, a stable code and what it needs',
  items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, detail: { type: 'string' } }, required: ['field', 'code', 'detail'] },
};

const invalid = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { errors: fieldErrors }, required: ['errors'] }] } } },
});

const reference = { name: 'reference', in: 'path', required: true, description: 'the case reference', schema: { type: 'string', pattern: '^IB-\\d{4}-\\d{6,}$' } };
const token = [
  { name: 'X-Case-Token', in: 'header', required: false, description: 'the tracking token given when the case was filed (preferred: kept out of logs and browser history)', schema: { type: 'string' } },
  { name: 'token', in: 'query', required: false, description: 'the tracking token, when a header cannot be sent (one of the two is needed)', schema: { type: 'string' } },
];
const notFound = problemResponse('No case with this reference and token: an unknown reference, a wrong token and no token get the same answer');
const limited = problemResponse('Rate limit exceeded (Retry-After says when to try again)');
const noStore = { 'Cache-Control': { description: 'no-store', schema: { type: 'string' } } };
const tracked = { ...json(jsonSchemaOf(trackedCaseSchema), 'The case as the enterprise sees it, with its attachments'), headers: noStore };

const ACTION_TEXT = {
  materials: ['supply_materials', 'Supply the materials asked for (while the case waits for them); the case’s clock runs again'],
  rating: ['rate', 'Say whether the matter was resolved and how satisfied the enterprise is (1–5), once the case is answered'],
  reopen: ['reopen', 'Reopen an answered or closed case, within 15 days of the reply or closure, with the reason'],
} as const satisfies Record<keyof typeof ENTERPRISE_ACTIONS, readonly [string, string]>;

function actionPaths(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(ACTION_TEXT).map(([path, [action, summary]]) => [
      `/api/v1/cases/{reference}/${path}`,
      {
        post: {
          tags: [TAG], operationId: `case_${action}`, summary, parameters: [reference, ...token],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(ACTION_INPUTS[action], 'input') } } },
          responses: {
            200: tracked,
            400: invalid('Invalid input: every invalid field is named'),
            404: notFound,
            409: problemResponse('Not open now: the case is not in a status that allows it (wrong-state), or the reopening window has passed (window-closed)'),
            429: limited,
          },
        },
      },
    ]),
  );
}

export function caseApiPaths(): Record<string, unknown> {
  return {
    '/api/v1/cases': {
      post: {
        tags: [TAG], operationId: 'file_case',
        summary: 'File an inquiry, demand, complaint or report with the Beijing enterprise service line',
        description:
          'Answers the case reference and its tracking token (shown once, kept only as a hash), the due date and the rule of the service catalogue it comes ' +
          'from. Limited per client address and per contact e-mail (429 with Retry-After). Attach files afterwards with POST /api/v1/cases/{reference}/attachments.',
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(caseSubmissionSchema, 'input') } } },
        responses: {
          201: { ...json(jsonSchemaOf(submittedCaseSchema), 'Filed'), headers: { Location: { description: 'the case, /api/v1/cases/{reference}', schema: { type: 'string' } }, ...noStore } },
          400: invalid('Invalid submission: every invalid field is named (a body that is not a JSON object is invalid too)'),
          429: limited,
        },
      },
    },
    '/api/v1/cases/{reference}': {
      get: {
        tags: [TAG], operationId: 'get_case', summary: 'The case as the enterprise sees it: status, unit handling it, due date and its rule, public timeline',
        parameters: [reference, ...token],
        responses: { 200: tracked, 404: notFound, 429: limited },
      },
    },
    ...actionPaths(),
    '/api/v1/cases/{reference}/attachments': {
      post: {
        tags: [TAG], operationId: 'attach_files',
        summary: `Attach PDF, PNG or JPEG files (at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB each, ${ATTACHMENT_LIMITS.maxPerCase} per case); all are taken or none`,
        description: 'Each part’s declared Content-Type must be one of the three and the file’s first bytes must be those of that format. Names are kept (made safe) for display; files are stored under random keys.',
        parameters: [reference, ...token],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: ATTACHMENT_LIMITS.maxPerCase } } },
              encoding: { file: { contentType: ATTACHMENT_TYPES.join(', ') } },
            },
          },
        },
        responses: {
          201: { ...json(jsonSchemaOf(attachmentListSchema), 'The files attached'), headers: noStore },
          400: invalid('A file refused (type_not_allowed, content_mismatch, too_large, empty, too_many) or none sent; nothing was attached'),
          404: notFound,
          409: problemResponse('The case is answered, rejected or closed'),
          415: problemResponse('Not multipart/form-data'),
          429: limited,
        },
      },
    },
    '/api/v1/cases/{reference}/attachments/{id}': {
      get: {
        tags: [TAG], operationId: 'download_attachment', summary: 'A file the enterprise attached, as a download',
        parameters: [reference, { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, ...token],
        responses: {
          200: {
            description: 'The file (Content-Disposition: attachment; X-Content-Type-Options: nosniff)',
            headers: { 'Content-Disposition': { schema: { type: 'string' } }, ...noStore },
            content: Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
          },
          404: problemResponse('No case with this reference and token, or no attachment with this id'),
          429: limited,
        },
      },
    },
  };
}
