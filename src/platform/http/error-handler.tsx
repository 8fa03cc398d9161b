/**
 * One place that turns errors into responses: problem+json under /api, an HTML page in the visitor's language
 * elsewhere. 5xx details are logged, never shown.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLang, t, type Lang } from '../i18n/i18n.js';
import { AppError, NotFoundError, problemOf } from './errors.js';
import { renderPage } from './pages.js';
import { LocalizedError } from './page-guard.js';
import { urls } from './urls.js';

function langOf(url: string): Lang {
  const first = url.split('/')[1]?.split('?')[0];
  return isLang(first) ? first : 'en';
}

function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const status = (error as FastifyError).statusCode;
  const code = (error as FastifyError).code;
  if (status === 429) return new AppError(429, 'too-many-requests', 'Too Many Requests', 'Too many requests: slow down and try again in a minute.');
  if (status === 415) return new AppError(415, 'unsupported-media-type', 'Unsupported Media Type', error.message);
  if (status === 413) return new AppError(413, 'payload-too-large', 'Payload Too Large', 'The request body is too large.');
  if (status === 414 || code === 'FST_ERR_MAX_PARAM_LENGTH') return new AppError(414, 'uri-too-long', 'URI Too Long', 'A part of the address is too long.');
  if (code === 'FST_ERR_BAD_URL') return new AppError(400, 'bad-url', 'Bad Request', 'The address is not valid: it has a malformed percent-encoding.');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error as { name?: string }).name === 'SyntaxError')
    return new AppError(400, 'invalid-body', 'Bad Request', `The request body is not valid JSON: ${error.message}`);
  if (status && status >= 400 && status < 500) return new AppError(status, 'bad-request', STATUS_CODES[status] ?? 'Bad Request', error.message);
  return new AppError(500, 'internal', 'Internal Server Error', 'Something went wrong on our side. The error has been logged.');
}

/** The problem's `instance`: the address asked for, without the value of a secret it carries (a case's `?token=`). */
function instanceOf(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1redacted');
}

/** Paths of documents that are not pages (calendars, CSV, feeds, sitemaps, JSON): their errors are problem+json. */
const DOCUMENT_PATH = /\.(ics|csv|atom|xml|json)$/;

function wantsProblem(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (path.startsWith('/api/') || DOCUMENT_PATH.test(path)) return true;
  if (!path.match(/^\/(en|zh)(\/|$)/)) return Boolean(request.headers.accept?.includes('json'));
  return false;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError, baseUrl: string) {
  if (appError instanceof LocalizedError) reply.headers(appError.headers);
  if (wantsProblem(request)) {
    return reply.code(appError.status).type('application/problem+json').send(problemOf(appError, instanceOf(request.url)));
  }
  const lang = langOf(request.url);
  const key = appError.status === 404 ? 'error.notFound' : appError.status >= 500 ? 'error.server' : 'error.badRequest';
  const detail = appError instanceof LocalizedError ? appError.message : appError.status >= 500 ? t(lang, 'error.serverDetail') : appError.status === 404 ? t(lang, 'error.notFoundDetail') : appError.message;
  const html = renderPage(
    {
      title: appError instanceof LocalizedError ? appError.title : t(lang, key),
      status: appError.status,
      body: (
        <div class="error-page">
          <h1>{appError instanceof LocalizedError ? appError.title : t(lang, key)}</h1>
          <p>{detail}</p>
          {appError.invalidParams.length > 0 && (
            <ul class="error-list">
              {appError.invalidParams.map((p) => (
                <li>
                  <strong>{p.name}</strong>: {p.reason}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={urls.home(lang)}>{t(lang, 'error.backHome')}</a>
          </p>
        </div>
      ),
    },
    lang,
    request.url.startsWith(`/${lang}`) ? request.url : `/${lang}`,
    baseUrl,
  );
  return reply.code(appError.status).type('text/html; charset=utf-8').send(html);
}

export function installErrorHandlers(app: FastifyInstance, baseUrl: string): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error as Error);
    if (appError.status >= 500 && !(appError instanceof LocalizedError)) request.log.error({ err: error }, 'request failed');
    // Fastify's own 4xx (body too large, unsupported media type, malformed JSON…) are problem+json unless a browser
    // asked for a page.
    const fromFastify = String((error as FastifyError).code ?? '').startsWith('FST_');
    if (fromFastify && appError.status < 500 && !request.headers.accept?.includes('text/html')) {
      return reply.code(appError.status).type('application/problem+json').send(problemOf(appError, instanceOf(request.url)));
    }
    return sendError(request, reply, appError, baseUrl);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new NotFoundError(`There is nothing at ${request.method} ${request.url.split('?')[0]}.`), baseUrl),
  );
}

/**
 * Errors Fastify raises before a route runs (a malformed percent-encoding, a path segment over maxParamLength):
 * problem+json, or the HTML error page for a browser asking for a page.
 */
export function frameworkErrorHandler(baseUrl: string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (!request.headers.accept?.includes('text/html')) return reply.code(appError.status).type('application/problem+json').send(problemOf(appError, instanceOf(request.url)));
    return sendError(request, reply, appError, baseUrl);
  };
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers too large: 431, a request that took too
 * long: 408, anything malformed: 400): a problem+json answer, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, type, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request-timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large', 'The request headers (or the address) are too large.']
        : [400, 'bad-request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ type: `/problems/${type}`, title: STATUS_CODES[status], status, detail });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
