/**
 * Typed domain errors and their RFC 9457 problem details. One error handler (error-handler.ts) turns them
 * into problem+json for the API and into an HTML page for people.
 */
export interface InvalidParam {
  name: string;
  reason: string;
}

export class AppError extends Error {
  /** RFC 9457 extension members of this problem (an API's own, such as the cases API's `errors` list). */
  extensions: Readonly<Record<string, unknown>> = {};

  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly invalidParams: InvalidParam[] = [],
  ) {
    super(detail);
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super(404, 'not-found', 'Not Found', detail);
  }
}

export class InvalidRequestError extends AppError {
  constructor(detail: string, invalidParams: InvalidParam[]) {
    super(400, 'invalid-request', 'Invalid request', detail, invalidParams);
  }
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  'invalid-params'?: InvalidParam[];
}

export function problemOf(error: AppError, instance?: string): ProblemDetails {
  return {
    ...error.extensions,
    type: `/problems/${error.type}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...(error.invalidParams.length ? { 'invalid-params': error.invalidParams } : {}),
  };
}
