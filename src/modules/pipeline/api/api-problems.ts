/**
 * The staff API's problems (RFC 9457), in the caller's language (Accept-Language, English unless Chinese is
 * preferred): a 400 names every invalid field at once in `errors` ({field, code, detail}, detail as the pages word it)
 * and in `invalid-params`; the workflow's refusals map to 404 (not in your scope — the same answer as no such project),
 * 403 (your part in the project does not allow it) and 409 (the project is not where the change starts from).
 */
import type { FastifyRequest } from 'fastify';
import { AppError, InvalidRequestError } from '../../../platform/http/errors.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { problemText, refusalText } from '../messages.js';
import { tApi } from '../messages.api.js';
import { PROBLEM_CODES, ProjectInputError, type FieldProblem, type ProblemCode } from '../project-input.js';
import { PipelineActionError, type RefusalReason } from '../project-workflow.js';

export interface ApiFieldProblem {
  field: string;
  code: string;
  detail: string;
}

/** A problem of the request's shape rather than of a value: a field the request does not have, a body that is no object. */
export type ShapeCode = 'unknown_field' | 'not_object';
export type ApiProblemInput = FieldProblem | { field: string; code: ShapeCode };

/** English, unless the caller prefers Chinese (the highest-weighted of the two in Accept-Language). */
export function apiLang(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  let best: Lang = 'en';
  let weight = -1;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([01](?:\.\d+)?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const lang: Lang | null = /^zh(-|$)/i.test(tag) ? 'zh' : /^en(-|$)/i.test(tag) ? 'en' : null;
    const w = q === undefined ? 1 : Number(q);
    if (lang && w > weight) [best, weight] = [lang, w];
  }
  return best;
}

const isProblemCode = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);

function detailOf(lang: Lang, problem: ApiProblemInput): string {
  if (isProblemCode(problem.code)) return problemText(lang, problem as FieldProblem);
  return tApi(lang, `pipeline.api.problem.${problem.code as ShapeCode}`, { field: problem.field });
}

/** 400 naming each invalid field; `rename` gives a field its name in the request (`investor.name`, `evidence.uscc`). */
export function invalidInput(lang: Lang, problems: readonly ApiProblemInput[], rename: (field: string) => string = (f) => f): AppError {
  // The detail names the field by its label (as the pages do); `field` is its name in the request.
  const errors: ApiFieldProblem[] = problems.map((p) => ({ field: rename(p.field), code: p.code, detail: detailOf(lang, p) }));
  const error = new InvalidRequestError(tApi(lang, 'pipeline.api.problem.invalid', { count: errors.length }), errors.map((e) => ({ name: e.field, reason: e.detail })));
  error.extensions = { errors };
  return error;
}

/** 400 for the list's query parameters: the list form's own errors, already in the caller's language. */
export function invalidQuery(lang: Lang, fieldErrors: readonly { field: string; message: string }[]): AppError {
  const errors: ApiFieldProblem[] = fieldErrors.map((e) => ({ field: e.field, code: 'invalid', detail: e.message }));
  const error = new InvalidRequestError(tApi(lang, 'pipeline.api.problem.invalid', { count: errors.length }), errors.map((e) => ({ name: e.field, reason: e.detail })));
  error.extensions = { errors };
  return error;
}

const REFUSALS: Record<RefusalReason, { status: number; type: string; title: string }> = {
  not_found: { status: 404, type: 'not-found', title: 'Not Found' },
  not_allowed: { status: 403, type: 'not-allowed', title: 'Forbidden' },
  no_such_move: { status: 409, type: 'no-such-move', title: 'Conflict' },
  closed: { status: 409, type: 'closed', title: 'Conflict' },
  not_closed: { status: 409, type: 'not-closed', title: 'Conflict' },
};

export function refusal(lang: Lang, reason: RefusalReason): AppError {
  const { status, type, title } = REFUSALS[reason];
  return new AppError(status, type, title, refusalText(lang, reason));
}

/** Runs a workflow call, turning its typed errors into the API's problems. */
export async function asApiProblems<T>(lang: Lang, run: () => Promise<T>, rename?: (field: string) => string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProjectInputError) throw invalidInput(lang, error.problems, rename);
    if (error instanceof PipelineActionError) throw refusal(lang, error.reason);
    throw error;
  }
}

/** The body as an object, and a problem for each field it has beyond `known` (all reported with the others). */
export function objectBody(raw: unknown, known: readonly string[], prefix = ''): { body: Record<string, unknown>; problems: ApiProblemInput[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { body: {}, problems: [{ field: prefix || 'body', code: 'not_object' }] };
  const body = raw as Record<string, unknown>;
  const problems: ApiProblemInput[] = Object.keys(body).filter((key) => !known.includes(key)).map((key) => ({ field: `${prefix ? `${prefix}.` : ''}${key}`, code: 'unknown_field' }));
  return { body, problems };
}
