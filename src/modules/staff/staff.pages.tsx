/**
 * Staff pages under /:lang/staff: sign-in, home, sign-out (here or everywhere) and the one-time set-password link.
 * Rendered per request and never cached (the guard sends no-store); every route declares its guard.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Clock } from '../../platform/clock.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { urls, routes } from '../../platform/http/urls.js';
import { isLang, t as tPlatform, type KeyOf, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { FieldError } from '../../platform/views/forms.js';
import {
  FORM_COOKIE,
  SESSION_COOKIE,
  clearedCookieHeader,
  cookieHeader,
  randomToken,
  readCookie,
  passwordProblems,
  type PasswordProblem,
  type SessionPolicy,
  type StaffDb,
  type StaffGuard,
  type StaffPrincipal,
} from '../../platform/auth/index.js';
import type { ContentService } from '../content/index.js';
import { setPasswordFormSchema, setPasswordQuerySchema, signInFormSchema, signInQuerySchema } from './staff.schemas.js';
import { signIn } from './sign-in.js';
import { findDepartment, nameIn } from './department.repository.js';
import { signOut, signOutEverywhere } from './sign-out.js';
import { setPasswordWithToken, userOfSetPasswordToken } from './set-password.js';
import { StaffLayout } from './views/staff-layout.js';
import { SignInView, type SignInNotice } from './views/sign-in-view.js';
import { HomeView } from './views/home-view.js';
import { MessageView, SetPasswordView } from './views/set-password-view.js';

export interface StaffPageDeps {
  db: StaffDb;
  clock: Clock;
  policy: SessionPolicy;
  content: ContentService;
}

const FORM_COOKIE_SECONDS = 2 * 3600;

export function langOf(request: FastifyRequest): Lang {
  const lang = (request.params as { lang?: string }).lang;
  if (!isLang(lang)) throw new NotFoundError(`No page at ${request.url}: the address must start with /en or /zh.`);
  return lang;
}

const isTls = (request: FastifyRequest) => request.protocol === 'https';

export function sendStaffPage(request: FastifyRequest, reply: FastifyReply, lang: Lang, title: string, body: VNode, status = 200): FastifyReply {
  const html = '<!doctype html>' + renderToString(<StaffLayout lang={lang} path={request.url} title={title}>{body}</StaffLayout>);
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** The double-submit token of the anonymous forms: the cookie's, or a new one set now. */
function formToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = readCookie(request.headers.cookie, FORM_COOKIE);
  if (existing) return existing;
  const token = randomToken();
  reply.header('set-cookie', cookieHeader(FORM_COOKIE, token, { secure: isTls(request), maxAgeSeconds: FORM_COOKIE_SECONDS }));
  return token;
}

async function scopeOf(db: StaffDb, staff: StaffPrincipal, lang: Lang, content: ContentService): Promise<string> {
  if (staff.districtId) {
    const district = content.store.districts.find((d) => d.id === staff.districtId);
    return t(lang, 'staff.home.scopeDistrict', { district: district ? district[lang].name : staff.districtId });
  }
  if (staff.departmentId) {
    const department = await findDepartment(db, staff.departmentId);
    return t(lang, 'staff.home.scopeDepartment', { department: department ? nameIn(lang, department) : staff.departmentId });
  }
  return t(lang, 'staff.home.scopeAll');
}

const PASSWORD_MESSAGES: Record<PasswordProblem, KeyOf<typeof t>> = {
  tooShort: 'staff.password.tooShort',
  tooLong: 'staff.password.tooLong',
  common: 'staff.password.common',
  email: 'staff.password.email',
  repetitive: 'staff.password.repetitive',
};

function route(app: FastifyInstance, method: 'GET' | 'POST', url: string, staffGuard: StaffGuard, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
  app.route({ method, url, config: { staffGuard }, handler });
}

export function registerStaffPages(app: FastifyInstance, deps: StaffPageDeps): void {
  const { db, clock, policy, content } = deps;

  route(app, 'GET', routes.staffSignIn, 'anonymous', async (request, reply) => {
    const lang = langOf(request);
    if (request.staff) return reply.redirect(urls.staffHome(lang), 303);
    const { notice } = signInQuerySchema.parse(request.query ?? {});
    const body = <SignInView lang={lang} formToken={formToken(request, reply)} email="" errors={[]} notice={notice as SignInNotice | undefined} />;
    return sendStaffPage(request, reply, lang, t(lang, 'staff.signIn.title'), body);
  });

  route(app, 'POST', routes.staffSignIn, 'anonymous', async (request, reply) => {
    const lang = langOf(request);
    const form = signInFormSchema.parse(request.body ?? {});
    const errors: FieldError[] = [];
    if (!form.email) errors.push({ field: 'email', message: t(lang, 'staff.error.emailMissing') });
    if (!form.password) errors.push({ field: 'password', message: t(lang, 'staff.error.passwordMissing') });
    let status = 400;
    if (!errors.length) {
      const result = await signIn(db, {
        email: form.email,
        password: form.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        now: clock(),
        policy,
        previousToken: readCookie(request.headers.cookie, SESSION_COOKIE),
        requestId: request.id,
      });
      if (result.ok) {
        reply.header('set-cookie', cookieHeader(SESSION_COOKIE, result.token, { secure: isTls(request), maxAgeSeconds: policy.absoluteMs / 1000, sameSite: result.role === 'admin' ? 'Strict' : 'Lax' }));
        return reply.redirect(urls.staffHome(lang), 303);
      }
      // One message for every wrong answer, linked to the first field: it never says which of the two was wrong.
      status = result.reason === 'throttled' ? 429 : 401;
      errors.push({ field: 'email', message: t(lang, result.reason === 'throttled' ? 'staff.error.throttled' : 'staff.error.notCorrect') });
    }
    const body = <SignInView lang={lang} formToken={formToken(request, reply)} email={form.email} errors={errors} />;
    return sendStaffPage(request, reply, lang, `${tPlatform(lang, 'form.errorSummary')}: ${t(lang, 'staff.signIn.title')}`, body, status);
  });

  route(app, 'GET', routes.staffHome, 'signed-in', async (request, reply) => {
    const lang = langOf(request);
    const staff = request.staff!;
    return sendStaffPage(request, reply, lang, t(lang, 'staff.home.title'), <HomeView lang={lang} staff={staff} scope={await scopeOf(db, staff, lang, content)} />);
  });

  route(app, 'POST', routes.staffSignOut, 'signed-in', async (request, reply) => {
    const lang = langOf(request);
    await signOut(db, { staff: request.staff!, now: clock(), requestId: request.id });
    reply.header('set-cookie', clearedCookieHeader(SESSION_COOKIE, isTls(request)));
    return reply.redirect(urls.staffSignIn(lang, 'signed-out'), 303);
  });

  route(app, 'POST', routes.staffSignOutEverywhere, 'signed-in', async (request, reply) => {
    const lang = langOf(request);
    await signOutEverywhere(db, { staff: request.staff!, now: clock(), requestId: request.id });
    reply.header('set-cookie', clearedCookieHeader(SESSION_COOKIE, isTls(request)));
    return reply.redirect(urls.staffSignIn(lang, 'signed-out-everywhere'), 303);
  });

  const unusableLink = (request: FastifyRequest, reply: FastifyReply, lang: Lang) =>
    sendStaffPage(
      request,
      reply,
      lang,
      t(lang, 'staff.setPassword.unusableTitle'),
      <MessageView lang={lang} title={t(lang, 'staff.setPassword.unusableTitle')} detail={t(lang, 'staff.setPassword.unusableDetail')} linkToSignIn />,
      410,
    );

  route(app, 'GET', routes.staffSetPassword, 'anonymous', async (request, reply) => {
    const lang = langOf(request);
    const query = setPasswordQuerySchema.safeParse(request.query ?? {});
    const user = query.success ? await userOfSetPasswordToken(db, query.data.token, clock()) : undefined;
    if (!query.success || !user) return unusableLink(request, reply, lang);
    const body = <SetPasswordView lang={lang} formToken={formToken(request, reply)} token={query.data.token} email={user.email} errors={[]} />;
    return sendStaffPage(request, reply, lang, t(lang, 'staff.setPassword.title'), body);
  });

  route(app, 'POST', routes.staffSetPassword, 'anonymous', async (request, reply) => {
    const lang = langOf(request);
    const form = setPasswordFormSchema.parse(request.body ?? {});
    const user = form.token ? await userOfSetPasswordToken(db, form.token, clock()) : undefined;
    if (!user) return unusableLink(request, reply, lang);
    const errors: FieldError[] = [];
    if (!form.password) errors.push({ field: 'password', message: t(lang, 'staff.password.missing') });
    // Every problem at once: the password's own and the confirmation's.
    else for (const problem of passwordProblems(form.password, user.email)) errors.push({ field: 'password', message: t(lang, PASSWORD_MESSAGES[problem]) });
    if (!form.confirm) errors.push({ field: 'confirm', message: t(lang, 'staff.password.confirmMissing') });
    else if (form.password && form.password !== form.confirm) errors.push({ field: 'confirm', message: t(lang, 'staff.password.mismatch') });
    if (!errors.length) {
      const result = await setPasswordWithToken(db, { token: form.token, password: form.password, now: clock(), requestId: request.id });
      if (result.ok) {
        reply.header('set-cookie', clearedCookieHeader(SESSION_COOKIE, isTls(request)));
        return reply.redirect(urls.staffSignIn(lang, 'password-set'), 303);
      }
      if (result.reason === 'link-unusable') return unusableLink(request, reply, lang);
      for (const problem of result.problems) errors.push({ field: 'password', message: t(lang, PASSWORD_MESSAGES[problem]) });
    }
    const body = <SetPasswordView lang={lang} formToken={formToken(request, reply)} token={form.token} email={user.email} errors={errors} />;
    return sendStaffPage(request, reply, lang, `${tPlatform(lang, 'form.errorSummary')}: ${t(lang, 'staff.setPassword.title')}`, body, 400);
  });
}
