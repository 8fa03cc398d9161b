/**
 * Deny by default: every route under /staff declares who may use it (`config.staffGuard`), and an onRoute hook
 * makes start-up fail when one does not — a forgotten guard is a crash in CI, not an open page in production.
 * The hook also attaches the checks to the route itself, so a handler runs only after them:
 *  - the session is read (request.staff); a guarded route without one is sent to sign-in;
 *  - a route with `{ roles }` refuses any other role (403);
 *  - every state-changing request (anything but GET/HEAD) must carry the CSRF token in `_csrf` (or, from a script, in
 *    the X-CSRF-Token header): the session's for a
 *    signed-in person, the double-submit form cookie's for the anonymous sign-in and set-password forms (403);
 *  - the answer is `Cache-Control: no-store` and sends no Referer (set-password links carry a token).
 * Only the routes in ANONYMOUS_STAFF_ROUTES may declare 'anonymous'.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import type { StaffRole } from './auth.tables.js';
import { FORM_COOKIE, readCookie } from './cookies.js';
import type { StaffPrincipal } from './session.js';
import { sameSecret } from './tokens.js';

export type StaffGuard = 'anonymous' | 'signed-in' | { roles: readonly StaffRole[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    staffGuard?: StaffGuard;
    /**
     * A route that also admits API clients (the staff JSON API): how an `Authorization: Bearer` token becomes the staff
     * account it acts as (null: unknown, revoked or disabled). A request with an Authorization header is judged by it
     * alone, and needs no CSRF token: a browser never adds that header by itself, so another site cannot forge it.
     */
    staffBearer?: (token: string) => Promise<StaffPrincipal | null>;
  }
  interface FastifyRequest {
    staff: StaffPrincipal | null;
  }
}

/** Sign-in and the one-time set-password link: the only staff pages a person without a session may open. */
export const ANONYMOUS_STAFF_ROUTES: ReadonlySet<string> = new Set(['/:lang/staff', '/:lang/staff/set-password']);

export type DenyReason = 'signed-out' | 'forbidden' | 'csrf';

export interface StaffGuardHooks {
  authenticate(request: FastifyRequest): Promise<StaffPrincipal | null>;
  deny(request: FastifyRequest, reply: FastifyReply, reason: DenyReason): FastifyReply;
}

export class MissingStaffGuardError extends Error {}

/** Any route with a `staff` path segment, whatever its prefix or parameter names (`/:locale/staff`, `/api/v1/staff/…`). */
export function isStaffRoute(url: string): boolean {
  return /(^|\/)staff(\/|$)/.test(url.split('?')[0]);
}

export function isAllowed(guard: StaffGuard, staff: StaffPrincipal | null): boolean | 'signed-out' {
  if (guard === 'anonymous') return true;
  if (!staff) return 'signed-out';
  if (guard === 'signed-in') return true;
  return guard.roles.includes(staff.role);
}

function csrfFromBody(body: unknown): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)._csrf : undefined;
  return typeof value === 'string' ? value : '';
}

/** The token of `Authorization: Bearer <token>` ('' when the header says anything else). */
function bearerToken(header: string): string {
  return /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(header)?.[1] ?? '';
}

function checkGuard(guard: StaffGuard, hooks: StaffGuardHooks, bearer?: (token: string) => Promise<StaffPrincipal | null>): preHandlerHookHandler {
  return async function staffGuard(request, reply) {
    const authorization = request.headers.authorization;
    const viaBearer = bearer !== undefined && authorization !== undefined;
    request.staff = viaBearer ? await bearer(bearerToken(authorization)) : await hooks.authenticate(request);
    const allowed = isAllowed(guard, request.staff);
    if (allowed === 'signed-out') return hooks.deny(request, reply, 'signed-out');
    if (!allowed) return hooks.deny(request, reply, 'forbidden');
    if (request.method === 'GET' || request.method === 'HEAD' || viaBearer) return;
    // A form sends `_csrf`; a script using the session (the JSON API) sends the X-CSRF-Token header.
    const header = request.headers['x-csrf-token'];
    const sent = csrfFromBody(request.body) || (typeof header === 'string' ? header : '');
    const expected = guard === 'anonymous' ? readCookie(request.headers.cookie, FORM_COOKIE) ?? '' : request.staff!.csrfToken;
    if (!expected || !sameSecret(sent, expected)) return hooks.deny(request, reply, 'csrf');
  };
}

const noStore: onRequestHookHandler = (_request, reply, done) => {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  done();
};

function append<T>(existing: T | T[] | undefined, hook: T): T[] {
  return existing === undefined ? [hook] : Array.isArray(existing) ? [...existing, hook] : [existing, hook];
}

/** Installs the check on every route registered from now on (call it before any route is registered). */
export function installStaffGuards(app: FastifyInstance, hooks: StaffGuardHooks): void {
  app.decorateRequest('staff', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isStaffRoute(route.url)) return;
    const guard = route.config?.staffGuard;
    if (!guard) throw new MissingStaffGuardError(`Staff route ${String(route.method)} ${route.url} declares no guard: add config.staffGuard (deny by default).`);
    if (guard === 'anonymous' && !ANONYMOUS_STAFF_ROUTES.has(route.url)) {
      throw new MissingStaffGuardError(`Staff route ${String(route.method)} ${route.url} may not be anonymous: only ${[...ANONYMOUS_STAFF_ROUTES].join(', ')} are.`);
    }
    route.onRequest = append(route.onRequest, noStore);
    route.preHandler = append(route.preHandler, checkGuard(guard, hooks, route.config?.staffBearer));
  });
}
