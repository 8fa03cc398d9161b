/**
 * The staff module: identity and access for the people who work on investors' requests. `installStaffAccess` must run
 * before any module registers a route: it installs the deny-by-default guard check that every /staff route passes
 * through.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { t } from './messages.js';
import { urls } from '../../platform/http/urls.js';
import { SESSION_COOKIE, clearedCookieHeader, installStaffGuards, readCookie, resolveSession, staffDb, type DenyReason, type SessionPolicy } from '../../platform/auth/index.js';
import type { ContentService } from '../content/index.js';
import type { AppModule } from '../module.js';
import { langOf, registerStaffPages, sendStaffPage } from './staff.pages.js';
import { MessageView } from './views/set-password-view.js';
import { registerAdminPages } from './admin/admin.pages.js';
import { registerDepartmentPages } from './admin/departments.pages.js';
import { keepDepartmentsSeeded } from './seed-departments.js';

export { createStaffUser, StaffUserExistsError, type NewStaffUser } from './create-staff-user.js';
export { issueSetPasswordToken, SET_PASSWORD_LINK_HOURS } from './set-password.js';
export { createAdminArgsSchema } from './staff.schemas.js';
/** For other modules' staff pages: the staff frame, the administration navigation and form pieces. */
export { langOf, sendStaffPage } from './staff.pages.js';
export { AdminNav, Field as StaffField, Notice as StaffNotice, describedBy, timeFormat as staffTimeFormat, type AdminSection } from './views/admin-shared.js';

export interface StaffDeps {
  db: Db;
  clock: Clock;
  content: ContentService;
}

export function sessionPolicy(config: Config): SessionPolicy {
  return { idleMs: config.STAFF_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.STAFF_SESSION_ABSOLUTE_HOURS * 3600_000 };
}

const API_DENIALS: Record<DenyReason, { status: number; type: string; title: string; detail: string }> = {
  'signed-out': { status: 401, type: '/problems/unauthorized', title: 'Unauthorized', detail: 'Send a valid API token (Authorization: Bearer …) or the cookie of a staff session.' },
  forbidden: { status: 403, type: '/problems/forbidden', title: 'Forbidden', detail: 'Your role may not use this.' },
  csrf: { status: 403, type: '/problems/csrf', title: 'Forbidden', detail: 'A change made with a staff session needs the session’s CSRF token in the X-CSRF-Token header.' },
};

/**
 * The staff JSON API (/api/…/staff/…) is refused in problem+json, never redirected to a sign-in page; the body is fixed
 * (nothing from the request), so a refusal says nothing about what was asked for.
 */
function denyApi(reply: FastifyReply, reason: DenyReason): FastifyReply {
  if (reason === 'signed-out') reply.header('www-authenticate', 'Bearer realm="staff"');
  return reply.code(API_DENIALS[reason].status).type('application/problem+json').send(JSON.stringify(API_DENIALS[reason]));
}

function deny(request: FastifyRequest, reply: FastifyReply, reason: DenyReason): FastifyReply {
  if (request.url.startsWith('/api/')) return denyApi(reply, reason);
  const lang = langOf(request);
  if (reason === 'signed-out') {
    const hadSession = readCookie(request.headers.cookie, SESSION_COOKIE) !== undefined;
    if (hadSession) reply.header('set-cookie', clearedCookieHeader(SESSION_COOKIE, request.protocol === 'https'));
    return reply.redirect(urls.staffSignIn(lang, hadSession ? 'session-ended' : undefined), 303);
  }
  const key = reason === 'csrf' ? 'staff.csrf' : 'staff.forbidden';
  const body = <MessageView lang={lang} title={t(lang, `${key}.title`)} detail={t(lang, `${key}.detail`)} linkToSignIn={!request.staff} />;
  return sendStaffPage(request, reply, lang, t(lang, `${key}.title`), body, 403);
}

/**
 * The deny-by-default guard: app.ts installs it at the root before any module registers a route, so every /staff
 * route of every module passes through it (and one without a declared guard fails start-up).
 */
export function installStaffAccess(app: FastifyInstance, config: Config, deps: StaffDeps): void {
  const db = staffDb(deps.db);
  const policy = sessionPolicy(config);
  installStaffGuards(app, {
    authenticate: async (request) => {
      const token = readCookie(request.headers.cookie, SESSION_COOKIE);
      return token ? resolveSession(db, token, deps.clock(), policy) : null;
    },
    deny,
  });
}

export const staffModule: AppModule = {
  name: 'staff',
  routes: async (app, deps) => {
    const db = staffDb(deps.db);
    registerStaffPages(app, { db, clock: deps.clock, policy: sessionPolicy(deps.config), content: deps.content });
    registerAdminPages(app, { db, clock: deps.clock, content: deps.content, baseUrl: deps.config.PUBLIC_BASE_URL });
    registerDepartmentPages(app, { db, clock: deps.clock });
    keepDepartmentsSeeded(app, db, deps.content);
  },
};
