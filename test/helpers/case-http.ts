/** Talking to the staff case pages over HTTP as a signed-in person: the session's CSRF token and url-encoded posts. */
import type { FastifyInstance } from 'fastify';
import { urls } from '../../src/platform/http/urls.js';
import { hiddenCsrf } from './staff.js';

/** The CSRF token of a session, read from the staff home page's forms (every signed-in person has them). */
export async function csrfOf(app: FastifyInstance, cookie: string): Promise<string> {
  const home = await app.inject({ url: urls.staffHome('en'), headers: { cookie } });
  return hiddenCsrf(home.body);
}

/** A form body as a browser sends it: url-encoded, a list as repeated keys. */
export function formBody(fields: Record<string, string | readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const one of typeof value === 'string' ? [value] : value) params.append(key, one);
  return params.toString();
}

export function postForm(app: FastifyInstance, url: string, cookie: string, fields: Record<string, string | readonly string[]>) {
  return app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields) });
}
