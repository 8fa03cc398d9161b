/**
 * How the service line's public pages are sent. They see one visitor's data (a form token, a case, a tracking token),
 * so they never enter the shared page cache: each is rendered per request in the public layout and sent with
 * `Cache-Control: no-store`. Pages that hold a tracking token also send no Referer, so the token never leaves in one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FORM_COOKIE, cookieHeader, randomToken, readCookie, sameSecret } from '../../platform/auth/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { renderPage, type PageView } from '../../platform/http/pages.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';

/**
 * Largest form body: 20,000 characters of description, percent-encoded (a Chinese character is 9 bytes), and the
 * other fields, fit with room to spare; anything larger is refused before it is read.
 */
export const SERVICE_FORM_BODY_LIMIT = 256 * 1024;

/** Long enough to write a long complaint; the cookie is set again on every form shown. */
const FORM_COOKIE_SECONDS = 12 * 3600;

export function langOf(request: FastifyRequest): Lang {
  const lang = (request.params as { lang?: string }).lang;
  if (!isLang(lang)) throw new NotFoundError(`No page at ${request.url}: the address must start with /en or /zh.`);
  return lang;
}

export function sendServicePage(reply: FastifyReply, options: { lang: Lang; view: PageView; path: string; baseUrl: string; noReferrer?: boolean }): FastifyReply {
  const html = renderPage(options.view, options.lang, options.path, options.baseUrl);
  reply.header('cache-control', 'no-store');
  if (options.noReferrer) reply.header('referrer-policy', 'no-referrer');
  return reply.code(options.view.status ?? 200).type('text/html; charset=utf-8').send(html);
}

/**
 * The double-submit token of the anonymous forms (the pattern of the staff sign-in, and its cookie): the cookie's
 * value, or a new one, set again now. SameSite=Lax keeps the cookie off another site's POST, so a form posted from
 * elsewhere cannot carry the matching pair.
 */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const token = readCookie(request.headers.cookie, FORM_COOKIE) ?? randomToken();
  reply.header('set-cookie', cookieHeader(FORM_COOKIE, token, { secure: request.protocol === 'https', maxAgeSeconds: FORM_COOKIE_SECONDS }));
  return token;
}

/** Whether the posted `_csrf` matches the form cookie (compared in constant time). */
export function hasFormToken(request: FastifyRequest, body: Readonly<Record<string, unknown>>): boolean {
  const expected = readCookie(request.headers.cookie, FORM_COOKIE);
  const sent = typeof body._csrf === 'string' ? body._csrf : '';
  return expected !== undefined && sameSecret(sent, expected);
}
