/**
 * The administration pages, for administrators only (every route: `staffGuard: { roles: ['admin'] }`):
 * /:lang/staff/admin/users (list, invite, one account: role and scope, disable/enable, new set-password link) and
 * /:lang/staff/admin/audit (the audit log, filtered and paginated). The one-time links are shown once, on the page
 * that answers the POST which made them; they are never stored, logged or put in a redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.js';
import { AppError, NotFoundError } from '../../../platform/http/errors.js';
import { routes, urls } from '../../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { FieldError } from '../../../platform/views/forms.js';
import type { StaffDb, StaffGuard } from '../../../platform/auth/index.js';
import type { ContentService } from '../../content/index.js';
import { createStaffUser, StaffUserExistsError } from '../create-staff-user.js';
import { langOf, sendStaffPage } from '../staff.pages.js';
import { AuditView } from '../views/audit-view.js';
import { InviteView, LinkView, UserView, UsersView, type UserNotice } from '../views/users-views.js';
import { accountFormSchema, changeRoleAndScope, inviteProblems, resetUser, roleAndScopeProblems, setUserDisabled, type AccountForm, type AccountProblem } from './admin-users.js';
import { auditFilterOptions, auditPage, findAccount, isRole, listAccounts, USER_STATUSES, type AccountRow } from './admin.queries.js';
import { loadScopeCatalogue, scopeChoices, scopeNamesIn } from './scope-catalogue.js';

export interface AdminPageDeps {
  db: StaffDb;
  clock: Clock;
  content: ContentService;
  baseUrl: string;
}

const ADMIN: StaffGuard = { roles: ['admin'] };

const usersQuerySchema = z.object({
  role: z.string().refine(isRole).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
});
const userNoticeSchema = z.object({ notice: z.enum(['saved', 'disabled', 'enabled']).optional().catch(undefined) });
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateText = z.string().max(10).catch('');
const auditQuerySchema = z.object({
  actor: z.string().refine((v) => v === 'system' || uuid.test(v)).catch('').default(''),
  action: z.string().max(100).catch('').default(''),
  entity: z.string().max(100).catch('').default(''),
  entity_id: z.string().max(100).catch('').default(''),
  from: dateText.default(''),
  to: dateText.default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const statusFormSchema = z.object({ action: z.enum(['disable', 'enable']).catch('disable') });

/** A calendar date typed in Beijing time, as the instant its day starts; undefined when it is not a real date. */
function beijingDayStart(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return undefined;
  return new Date(utc.getTime() - 8 * 3600_000);
}

/** A change refused inside its transaction: the account is gone, or the actor is no longer an enabled administrator. */
function refused(reason: string, id: string): AppError {
  return reason === 'forbidden' ? new AppError(403, 'forbidden', 'Forbidden', 'You are no longer an enabled administrator.') : new NotFoundError(`No staff account ${id}.`);
}

function route(app: FastifyInstance, method: 'GET' | 'POST', url: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
  app.route({ method, url, config: { staffGuard: ADMIN }, handler });
}

export function registerAdminPages(app: FastifyInstance, deps: AdminPageDeps): void {
  const { db, clock } = deps;
  const fieldErrors = (lang: Lang, problems: AccountProblem[]): FieldError[] => problems.map((p) => ({ field: p.field, message: t(lang, p.key) }));
  const linkFor = (lang: Lang, token: string) => new URL(urls.staffSetPassword(lang, token), deps.baseUrl).toString();
  /** The e-mail that carries a set-password link to the person, in the admin's language (queued with the change). */
  const linkEmail = (lang: Lang, to: { name: string; email: string }) => (token: string) => ({
    to: to.email,
    subject: t(lang, 'staff.mail.link.subject'),
    text: t(lang, 'staff.mail.link.text', { name: to.name, link: linkFor(lang, token), hours: 24 }),
  });

  async function accountOr404(request: FastifyRequest): Promise<AccountRow> {
    const { id } = request.params as { id: string };
    const account = await findAccount(db, id);
    if (!account) throw new NotFoundError(`No staff account ${id}.`);
    return account;
  }

  const formOf = (account: AccountRow): Pick<AccountForm, 'role' | 'district' | 'department'> => ({ role: account.role, district: account.districtId ?? '', department: account.departmentId ?? '' });

  async function userPage(request: FastifyRequest, reply: FastifyReply, lang: Lang, account: AccountRow, options: { form?: Pick<AccountForm, 'role' | 'district' | 'department'>; errors?: FieldError[]; notice?: UserNotice; status?: number } = {}) {
    const errors = options.errors ?? [];
    const title = t(lang, 'staff.admin.user.title', { name: account.name });
    const catalogue = await loadScopeCatalogue(db);
    const body = (
      <UserView lang={lang} staff={request.staff!} account={account} form={options.form ?? formOf(account)} errors={errors} notice={options.notice} catalogue={catalogue} names={scopeNamesIn(lang, catalogue)} />
    );
    return sendStaffPage(request, reply, lang, errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, options.status ?? 200);
  }

  route(app, 'GET', routes.staffAdminUsers, async (request, reply) => {
    const lang = langOf(request);
    const query = usersQuerySchema.parse(request.query ?? {});
    const accounts = await listAccounts(db, { role: query.role as AccountRow['role'] | undefined, status: query.status });
    const names = scopeNamesIn(lang, await loadScopeCatalogue(db));
    const body = <UsersView lang={lang} accounts={accounts} filter={{ role: query.role ?? '', status: query.status ?? '' }} names={names} />;
    return sendStaffPage(request, reply, lang, t(lang, 'staff.admin.users.title'), body);
  });

  const emptyForm: AccountForm = { name: '', email: '', role: 'viewer', district: '', department: '' };

  route(app, 'GET', routes.staffAdminInvite, async (request, reply) => {
    const lang = langOf(request);
    const catalogue = await loadScopeCatalogue(db);
    const body = <InviteView lang={lang} staff={request.staff!} form={emptyForm} errors={[]} catalogue={catalogue} names={scopeNamesIn(lang, catalogue)} />;
    return sendStaffPage(request, reply, lang, t(lang, 'staff.admin.invite.title'), body);
  });

  route(app, 'POST', routes.staffAdminInvite, async (request, reply) => {
    const lang = langOf(request);
    const form = accountFormSchema.parse(request.body ?? {});
    form.email = form.email.toLowerCase();
    const catalogue = await loadScopeCatalogue(db);
    let errors = fieldErrors(lang, inviteProblems(form, scopeChoices(catalogue)));
    const scope = roleAndScopeProblems(form, scopeChoices(catalogue)).value;
    if (!errors.length && scope) {
      try {
        const { userId, token } = await createStaffUser(db, {
          name: form.name,
          email: form.email,
          role: scope.role,
          districtId: scope.districtId,
          departmentId: scope.departmentId,
          actor: request.staff!.userId,
          now: clock(),
          requestId: request.id,
          invitation: linkEmail(lang, form),
        });
        const body = <LinkView lang={lang} account={{ id: userId, name: form.name, email: form.email }} link={linkFor(lang, token)} />;
        return sendStaffPage(request, reply, lang, t(lang, 'staff.admin.link.title', { name: form.name }), body, 201);
      } catch (error) {
        if (!(error instanceof StaffUserExistsError)) throw error;
        errors = [{ field: 'email', message: t(lang, 'staff.admin.error.emailTaken') }];
      }
    }
    const body = <InviteView lang={lang} staff={request.staff!} form={form} errors={errors} catalogue={catalogue} names={scopeNamesIn(lang, catalogue)} />;
    return sendStaffPage(request, reply, lang, `${tPlatform(lang, 'form.errorSummary')}: ${t(lang, 'staff.admin.invite.title')}`, body, 400);
  });

  route(app, 'GET', routes.staffAdminUser, async (request, reply) => {
    const lang = langOf(request);
    const account = await accountOr404(request);
    const { notice } = userNoticeSchema.parse(request.query ?? {});
    return userPage(request, reply, lang, account, { notice });
  });

  route(app, 'POST', routes.staffAdminUserRole, async (request, reply) => {
    const lang = langOf(request);
    const account = await accountOr404(request);
    const form = accountFormSchema.parse(request.body ?? {});
    const { problems, value } = roleAndScopeProblems(form, scopeChoices(await loadScopeCatalogue(db), account.departmentId));
    if (!value) return userPage(request, reply, lang, account, { form, errors: fieldErrors(lang, problems), status: 400 });
    const result = await changeRoleAndScope(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, userId: account.id, change: value });
    if (!result.ok && result.reason === 'self') {
      return userPage(request, reply, lang, account, { form, errors: [{ field: 'role', message: t(lang, 'staff.admin.error.selfDemote') }], status: 409 });
    }
    if (!result.ok) throw refused(result.reason, account.id);
    return reply.redirect(urls.staffAdminUser(lang, account.id, 'saved'), 303);
  });

  route(app, 'POST', routes.staffAdminUserStatus, async (request, reply) => {
    const lang = langOf(request);
    const account = await accountOr404(request);
    const { action } = statusFormSchema.parse(request.body ?? {});
    const result = await setUserDisabled(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, userId: account.id, disabled: action === 'disable' });
    if (!result.ok && result.reason === 'self') {
      return userPage(request, reply, lang, account, { errors: [{ field: 'status', message: t(lang, 'staff.admin.error.selfDisable') }], status: 409 });
    }
    if (!result.ok) throw refused(result.reason, account.id);
    return reply.redirect(urls.staffAdminUser(lang, account.id, action === 'disable' ? 'disabled' : 'enabled'), 303);
  });

  route(app, 'POST', routes.staffAdminUserReset, async (request, reply) => {
    const lang = langOf(request);
    const account = await accountOr404(request);
    const result = await resetUser(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, userId: account.id, notice: linkEmail(lang, account) });
    if (!result.ok || !result.token) throw refused(result.ok ? 'not-found' : result.reason, account.id);
    const body = <LinkView lang={lang} account={account} link={linkFor(lang, result.token)} />;
    return sendStaffPage(request, reply, lang, t(lang, 'staff.admin.link.title', { name: account.name }), body);
  });

  // The addresses the account's forms post to, opened directly (the language switch of a page that answered a POST,
  // a reload, a bookmark): back to the account's page, never a repeat of the change.
  for (const url of [routes.staffAdminUserRole, routes.staffAdminUserStatus, routes.staffAdminUserReset]) {
    route(app, 'GET', url, async (request, reply) => {
      const lang = langOf(request);
      const account = await accountOr404(request);
      return reply.redirect(urls.staffAdminUser(lang, account.id), 303);
    });
  }

  route(app, 'GET', routes.staffAdminAudit, async (request, reply) => {
    const lang = langOf(request);
    const query = auditQuerySchema.parse(request.query ?? {});
    const errors: FieldError[] = [];
    const from = query.from ? beijingDayStart(query.from) : undefined;
    const toStart = query.to ? beijingDayStart(query.to) : undefined;
    if (query.from && !from) errors.push({ field: 'from', message: t(lang, 'staff.admin.audit.dateError') });
    if (query.to && !toStart) errors.push({ field: 'to', message: t(lang, 'staff.admin.audit.dateError') });
    const to = toStart && new Date(toStart.getTime() + 24 * 3600_000);
    const { rows, total } = await auditPage(db, {
      actor: query.actor || undefined,
      action: query.action || undefined,
      entity: query.entity || undefined,
      entityId: query.entity_id || undefined,
      from,
      to,
      page: query.page,
    });
    const options = await auditFilterOptions(db);
    const names = scopeNamesIn(lang, await loadScopeCatalogue(db));
    const body = (
      <AuditView
        lang={lang}
        rows={rows}
        total={total}
        query={{ actor: query.actor, action: query.action, entity: query.entity, entityId: query.entity_id, from: query.from, to: query.to, page: query.page }}
        options={options}
        errors={errors}
        names={names}
      />
    );
    const title = t(lang, 'staff.admin.audit.title');
    return sendStaffPage(request, reply, lang, errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, errors.length ? 400 : 200);
  });
}
