/**
 * One place that turns errors into responses: problem+json under /api, an HTML page in the visitor's language
 * elsewhere. 5xx details are logged, never shown.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLang, t, type Lang } from '../i18n/i18n.js';
import { AppError, NotFoundError, problemOf } from './errors.js';
import { renderPage } from './pages.js';
import { urls } from './urls.js';

function langOf(url: string): Lang {
  const first = url.split('/')[1]?.split('?')[0];
  return isLang(first) ? first : 'en';
}

function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const status = (error as FastifyError).statusCode;
  if (status === 429) return new AppError(429, 'too-many-requests', 'Too Many Requests', 'Too many requests: slow down and try again in a minute.');
  if (status === 415) return new AppError(415, 'unsupported-media-type', 'Unsupported Media Type', error.message);
  if (status === 413) return new AppError(413, 'payload-too-large', 'Payload Too Large', 'The request body is too large.');
  if (status && status >= 400 && status < 500) return new AppError(status, 'bad-request', 'Bad Request', error.message);
  return new AppError(500, 'internal', 'Internal Server Error', 'Something went wrong on our side. The error has been logged.');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError, baseUrl: string) {
  if (request.url.startsWith('/api/') || !request.url.match(/^\/(en|zh)(\/|\?|$)/) && request.headers.accept?.includes('json')) {
    return reply.code(appError.status).type('application/problem+json').send(problemOf(appError, request.url));
  }
  const lang = langOf(request.url);
  const key = appError.status === 404 ? 'error.notFound' : appError.status >= 500 ? 'error.server' : 'error.badRequest';
  const detail = appError.status >= 500 ? t(lang, 'error.serverDetail') : appError.status === 404 ? t(lang, 'error.notFoundDetail') : appError.message;
  const html = renderPage(
    {
      title: t(lang, key),
      status: appError.status,
      body: (
        <div class="error-page">
          <h1>{t(lang, key)}</h1>
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
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, appError, baseUrl);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new NotFoundError(`There is nothing at ${request.method} ${request.url.split('?')[0]}.`), baseUrl),
  );
}
