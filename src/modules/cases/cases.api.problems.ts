/**
 * The cases API's problems (RFC 9457). A 400 names every invalid field at once, in `errors` ({field, code, detail})
 * and, like the rest of the API, in `invalid-params`. A case that cannot be read with the token given answers one
 * fixed 404, the same bytes whether the reference is unknown, the token wrong or missing.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AppError, InvalidRequestError } from '../../platform/http/errors.js';
import { LocalizedError } from '../../platform/http/page-guard.js';
import { REOPEN_WINDOW_DAYS } from './case-states.js';
import { CaseActionError } from './case-workflow.js';
import { ATTACHMENT_LIMITS, type UploadRefusal } from './attachments/attachment-checks.js';

export interface FieldProblem {
  field: string;
  code: string;
  detail: string;
}

const MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;

/** What each code of the schemas (case.schemas.ts, case-actions.ts) and of the upload checks means, for a developer. */
const DETAILS: Record<string, (argument?: string) => string> = {
  choose_kind: () => 'Choose one of: inquiry, demand, complaint, report.',
  choose_topic: () => 'Choose a topic: the id of an item of /api/v1/service-topics.',
  unknown_topic: () => 'No topic has this id: use the id of an item of /api/v1/service-topics.',
  topic_kind_mismatch: () => 'This topic does not take this kind of case (see the topic’s case_kinds).',
  choose_district: () => 'Choose a district: the id of an item of /api/v1/districts.',
  subject_required: () => 'Give a subject (at most 200 characters).',
  description_required: () => 'Describe the matter (10 to 20,000 characters).',
  description_short: () => 'Describe the matter in at least 10 characters.',
  too_long: (max) => `At most ${max} characters.`,
  uscc_invalid: () => 'Not a unified social credit code: 18 characters (digits and capital letters without I, O, S, V, Z) whose last one is the check character.',
  email_invalid: () => 'Not an e-mail address.',
  phone_invalid: () => 'Not a telephone number: digits, spaces, +, (, ), ., / and -, 5 to 40 characters.',
  anonymous_with_contact: () => 'An anonymous case keeps no contact details: leave out contact_email and contact_phone, or set anonymous to false.',
  contact_required: () => 'Give contact_email or contact_phone, or set anonymous to true (the token is then the only way back to the case).',
  fie_needs_complaint: () => 'The complaint mechanism for foreign-invested enterprises takes complaints only: set kind to complaint.',
  fie_needs_fie: () => 'The complaint mechanism for foreign-invested enterprises is for foreign-invested enterprises: foreign_invested cannot be false.',
  consent_required: () => 'Set consent to true: the case is handled only with the enterprise’s consent to the processing of what it sends.',
  unknown_field: () => 'Not a field of this request.',
  required: () => 'Required.',
  date_invalid: () => 'A date as YYYY-MM-DD.',
  date_not_future: () => 'A date after today.',
  not_object: () => 'The body must be a JSON object.',
  file_required: () => 'Send at least one file (PDF, PNG or JPEG).',
  type_not_allowed: () => 'Only PDF, PNG and JPEG files are taken: declare the part’s Content-Type as application/pdf, image/png or image/jpeg.',
  content_mismatch: () => 'The file’s content is not of its declared type (its first bytes are not those of a PDF, PNG or JPEG file).',
  too_large: () => `A file may have at most ${MB} MB.`,
  empty: () => 'The file is empty.',
  too_many: () => `A case holds at most ${ATTACHMENT_LIMITS.maxPerCase} attachments.`,
};

/** A field's problem from a code such as "too_long:200" (the schemas' messages), or a zod default message. */
export function fieldProblem(field: string, message: string, zodCode?: string): FieldProblem {
  const match = /^([a-z_]+)(?::(\d+))?$/.exec(message);
  const describe = match ? DETAILS[match[1]] : undefined;
  if (match) return { field, code: match[1], detail: describe ? describe(match[2]) : message };
  return { field, code: zodCode ?? 'invalid', detail: message };
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => fieldProblem(issue.path.join('.') || 'body', issue.message, issue.code));
}

/** 400 naming each invalid field. */
export function invalidProblem(errors: FieldProblem[], what = 'request body'): AppError {
  const detail = `The ${what} has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ${errors.map((e) => `${e.field} (${e.detail})`).join('; ')}`;
  const problem = new InvalidRequestError(detail, errors.map((e) => ({ name: e.field, reason: e.detail })));
  problem.extensions = { errors };
  return problem;
}

export function uploadProblems(refused: readonly { field: string; filename: string; code: UploadRefusal }[]): FieldProblem[] {
  return refused.map((r) => ({ field: r.field || 'file', code: r.code, detail: r.filename ? `${r.filename}: ${DETAILS[r.code]()}` : DETAILS[r.code]() }));
}

/** A CaseActionError as the problem the enterprise's client gets. */
export function actionProblem(error: CaseActionError): AppError {
  switch (error.reason) {
    case 'invalid':
      return invalidProblem([fieldProblem(error.field || 'body', error.code ?? 'invalid')]);
    case 'wrong_state':
      return new AppError(409, 'wrong-state', 'Conflict', 'This action is not open while the case is in its current status (see `can` in the case).');
    case 'window_closed':
      return new AppError(409, 'window-closed', 'Conflict', `A case can be reopened by the enterprise within ${REOPEN_WINDOW_DAYS} days of the reply or closure; that time has passed.`);
    case 'already_requested':
      return new AppError(409, 'already-requested', 'Conflict', 'This was already done for the case.');
    case 'not_allowed':
      return new AppError(403, 'not-allowed', 'Forbidden', 'The enterprise may not take this action.');
    case 'not_found':
      return new AppError(404, 'not-found', 'Not Found', CASE_NOT_FOUND.detail);
  }
}

export function tooManySubmissions(wait: { seconds: number; by: 'address' | 'email' }): AppError {
  const minutes = Math.ceil(wait.seconds / 60);
  const from = wait.by === 'email' ? 'with this contact e-mail' : 'from this address';
  return new LocalizedError(429, 'too-many-requests', 'Too Many Requests', `Too many cases filed ${from} in the last hour: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { 'retry-after': String(wait.seconds) });
}

export const CASE_NOT_FOUND = { type: '/problems/not-found', title: 'Not Found', status: 404, detail: 'There is no case with this reference and token.' } as const;
const CASE_NOT_FOUND_BODY = JSON.stringify(CASE_NOT_FOUND);

/**
 * The one answer to a case that cannot be read with the token given: no `instance`, nothing taken from the request,
 * so an unknown reference, a wrong token and no token at all cannot be told apart.
 */
export function sendCaseNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('cache-control', 'no-store').type('application/problem+json').send(CASE_NOT_FOUND_BODY);
}
