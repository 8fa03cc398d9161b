/** Views of the administration pages: accounts (list, invite, one account, a one-time link) and the audit log. */
import type { ComponentChildren } from 'preact';
import { STAFF_ROLES, type StaffPrincipal } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import { t, type Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { AccountForm } from '../admin/admin-users.js';
import { DISTRICT_IDS } from '../admin/admin-users.js';
import { AUDIT_PAGE_SIZE, USER_STATUSES, type AccountRow, type AuditRow } from '../admin/admin.queries.js';

export const timeFormat = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
};

export type DistrictNames = (id: string) => string;

export function scopeText(lang: Lang, account: { districtId: string | null; department: string | null }, districtName: DistrictNames): string {
  if (account.districtId) return t(lang, 'staff.home.scopeDistrict', { district: districtName(account.districtId) });
  if (account.department) return t(lang, 'staff.home.scopeDepartment', { department: account.department });
  return t(lang, 'staff.home.scopeAll');
}

/** The links between the administration pages. */
function AdminNav({ lang, current }: { lang: Lang; current: 'users' | 'audit' | 'home' }) {
  const link = (key: 'users' | 'audit' | 'home', href: string, label: string) => (
    <li>
      <a href={href} aria-current={current === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="staff-admin-nav" aria-label={t(lang, 'staff.admin.nav')}>
      <ul>
        {link('home', urls.staffHome(lang), t(lang, 'staff.home.title'))}
        {link('users', urls.staffAdminUsers(lang), t(lang, 'staff.admin.users.title'))}
        {link('audit', urls.staffAdminAudit(lang), t(lang, 'staff.admin.audit.title'))}
      </ul>
    </nav>
  );
}

function Field({ lang, name, label, hint, error, children }: { lang: Lang; name: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field staff-field${error ? ' field--error' : ''}`}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${name}-error`}>
          <span class="visually-hidden">{t(lang, 'staff.errorPrefix')}</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = (name: string, hint: boolean, error?: string) => [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function Notice({ text }: { text: string }) {
  return (
    <div class="panel staff-notice" role="status">
      <p>{text}</p>
    </div>
  );
}

/** Role, district and department: the fields of the invite form and of the role change. */
function RoleFields({ lang, form, errorOf, districtName }: { lang: Lang; form: Pick<AccountForm, 'role' | 'district' | 'department'>; errorOf: (f: string) => string | undefined; districtName: DistrictNames }) {
  return (
    <>
      <Field lang={lang} name="role" label={t(lang, 'staff.admin.role')} error={errorOf('role')}>
        <select id="role" name="role" aria-describedby={describedBy('role', false, errorOf('role'))} aria-invalid={errorOf('role') ? 'true' : undefined}>
          {STAFF_ROLES.map((role) => (
            <option value={role} selected={form.role === role}>
              {t(lang, `staff.role.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field lang={lang} name="district" label={t(lang, 'staff.admin.district')} hint={t(lang, 'staff.admin.districtHint')} error={errorOf('district')}>
        <select id="district" name="district" aria-describedby={describedBy('district', true, errorOf('district'))} aria-invalid={errorOf('district') ? 'true' : undefined}>
          <option value="">{t(lang, 'staff.admin.districtNone')}</option>
          {DISTRICT_IDS.map((id) => (
            <option value={id} selected={form.district === id}>
              {districtName(id)}
            </option>
          ))}
        </select>
      </Field>
      <Field lang={lang} name="department" label={t(lang, 'staff.admin.department')} hint={t(lang, 'staff.admin.departmentHint')} error={errorOf('department')}>
        <input id="department" name="department" type="text" value={form.department} aria-describedby={describedBy('department', true, errorOf('department'))} aria-invalid={errorOf('department') ? 'true' : undefined} />
      </Field>
    </>
  );
}

export function UsersView({ lang, accounts, filter, districtName }: { lang: Lang; accounts: AccountRow[]; filter: { role: string; status: string }; districtName: DistrictNames }) {
  return (
    <div class="staff-admin">
      <AdminNav lang={lang} current="users" />
      <h1>{t(lang, 'staff.admin.users.title')}</h1>
      <p class="lead">{t(lang, 'staff.admin.users.lead')}</p>
      <p>
        <a class="button" href={urls.staffAdminInvite(lang)}>
          {t(lang, 'staff.admin.users.invite')}
        </a>
      </p>
      <form method="get" action={urls.staffAdminUsers(lang)} class="filter-form" aria-label={t(lang, 'staff.admin.users.filter')}>
        <div class="field">
          <label for="filter-role">{t(lang, 'staff.admin.role')}</label>
          <select id="filter-role" name="role">
            <option value="">{t(lang, 'staff.admin.users.any')}</option>
            {STAFF_ROLES.map((role) => (
              <option value={role} selected={filter.role === role}>
                {t(lang, `staff.role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">{t(lang, 'staff.admin.status')}</label>
          <select id="filter-status" name="status">
            <option value="">{t(lang, 'staff.admin.users.any')}</option>
            {USER_STATUSES.map((status) => (
              <option value={status} selected={filter.status === status}>
                {t(lang, `staff.admin.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t(lang, 'staff.admin.users.filterSubmit')}
        </button>
      </form>
      <p class="result-count" role="status">
        {t(lang, 'staff.admin.users.count', { count: accounts.length })}
      </p>
      {accounts.length === 0 ? (
        <p>{t(lang, 'staff.admin.users.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption class="visually-hidden">{t(lang, 'staff.admin.users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'staff.admin.name')}</th>
                <th scope="col">{t(lang, 'staff.email')}</th>
                <th scope="col">{t(lang, 'staff.admin.role')}</th>
                <th scope="col">{t(lang, 'staff.admin.scope')}</th>
                <th scope="col">{t(lang, 'staff.admin.status')}</th>
                <th scope="col">{t(lang, 'staff.admin.lastSignIn')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={urls.staffAdminUser(lang, a.id)}>{a.name}</a>
                  </th>
                  <td>{a.email}</td>
                  <td>{t(lang, `staff.role.${a.role}`)}</td>
                  <td>{scopeText(lang, a, districtName)}</td>
                  <td>{t(lang, `staff.admin.status.${a.status}`)}</td>
                  <td>{a.lastSignIn ? timeFormat[lang].format(a.lastSignIn) : t(lang, 'staff.admin.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function InviteView({ lang, staff, form, errors, districtName }: { lang: Lang; staff: StaffPrincipal; form: AccountForm; errors: FieldError[]; districtName: DistrictNames }) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="staff-admin">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <AdminNav lang={lang} current="users" />
      <h1>{t(lang, 'staff.admin.invite.title')}</h1>
      <p class="lead">{t(lang, 'staff.admin.invite.lead')}</p>
      <form method="post" action={urls.staffAdminInvite(lang)} novalidate class="staff-form">
        <input type="hidden" name="_csrf" value={staff.csrfToken} />
        <Field lang={lang} name="name" label={t(lang, 'staff.admin.name')} error={errorOf('name')}>
          <input id="name" name="name" type="text" autocomplete="off" value={form.name} aria-describedby={describedBy('name', false, errorOf('name'))} aria-invalid={errorOf('name') ? 'true' : undefined} />
        </Field>
        <Field lang={lang} name="email" label={t(lang, 'staff.email')} error={errorOf('email')}>
          <input id="email" name="email" type="email" autocomplete="off" spellcheck={false} value={form.email} aria-describedby={describedBy('email', false, errorOf('email'))} aria-invalid={errorOf('email') ? 'true' : undefined} />
        </Field>
        <RoleFields lang={lang} form={form} errorOf={errorOf} districtName={districtName} />
        <p>
          <button type="submit" class="button">
            {t(lang, 'staff.admin.invite.submit')}
          </button>
        </p>
      </form>
    </div>
  );
}

/** The one-time link, shown once: it is not stored, so this page cannot be opened again. */
export function LinkView({ lang, account, link }: { lang: Lang; account: { id: string; name: string; email: string }; link: string }) {
  return (
    <div class="staff-admin">
      <AdminNav lang={lang} current="users" />
      <h1>{t(lang, 'staff.admin.link.title', { name: account.name })}</h1>
      <p class="lead">{t(lang, 'staff.admin.link.lead', { email: account.email })}</p>
      <div class="field staff-link">
        <label for="link">{t(lang, 'staff.admin.link.label')}</label>
        <input id="link" type="text" readonly value={link} spellcheck={false} />
      </div>
      <p>{t(lang, 'staff.admin.link.lost')}</p>
      <p>
        <a href={urls.staffAdminUser(lang, account.id)}>{t(lang, 'staff.admin.link.back')}</a>
      </p>
    </div>
  );
}

export type UserNotice = 'saved' | 'disabled' | 'enabled';

export function UserView({
  lang,
  staff,
  account,
  form,
  errors,
  notice,
  districtName,
}: {
  lang: Lang;
  staff: StaffPrincipal;
  account: AccountRow;
  form: Pick<AccountForm, 'role' | 'district' | 'department'>;
  errors: FieldError[];
  notice?: UserNotice;
  districtName: DistrictNames;
}) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const self = account.id === staff.userId;
  return (
    <div class="staff-admin">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      {notice && !errors.length && <Notice text={t(lang, `staff.admin.notice.${notice}`)} />}
      <AdminNav lang={lang} current="users" />
      <h1>{t(lang, 'staff.admin.user.title', { name: account.name })}</h1>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t(lang, 'staff.email')}</dt>
          <dd>{account.email}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.admin.role')}</dt>
          <dd>{t(lang, `staff.role.${account.role}`)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.admin.scope')}</dt>
          <dd>{scopeText(lang, account, districtName)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.admin.status')}</dt>
          <dd>{t(lang, `staff.admin.status.${account.status}`)}</dd>
        </div>
        <div class="facts__row">
          <dt>{t(lang, 'staff.admin.lastSignIn')}</dt>
          <dd>{account.lastSignIn ? timeFormat[lang].format(account.lastSignIn) : t(lang, 'staff.admin.never')}</dd>
        </div>
      </dl>
      {self && <p class="panel">{t(lang, 'staff.admin.user.you')}</p>}

      <h2>{t(lang, 'staff.admin.user.roleTitle')}</h2>
      <form method="post" action={urls.staffAdminUserRole(lang, account.id)} novalidate class="staff-form">
        <input type="hidden" name="_csrf" value={staff.csrfToken} />
        <RoleFields lang={lang} form={form} errorOf={errorOf} districtName={districtName} />
        <p>
          <button type="submit" class="button">
            {t(lang, 'staff.admin.user.roleSubmit')}
          </button>
        </p>
      </form>

      <h2>{t(lang, 'staff.admin.user.statusTitle')}</h2>
      {errorOf('status') && (
        <p class="field__error" id="status">
          <span class="visually-hidden">{t(lang, 'staff.errorPrefix')}</span> {errorOf('status')}
        </p>
      )}
      <form method="post" action={urls.staffAdminUserStatus(lang, account.id)} class="staff-form">
        <input type="hidden" name="_csrf" value={staff.csrfToken} />
        {account.status === 'disabled' ? (
          <>
            <input type="hidden" name="action" value="enable" />
            <p>
              <button type="submit" class="button button--secondary">
                {t(lang, 'staff.admin.user.enable')}
              </button>
            </p>
          </>
        ) : (
          <>
            <input type="hidden" name="action" value="disable" />
            <p class="hint" id="disable-hint">
              {t(lang, 'staff.admin.user.disableHint')}
            </p>
            <p>
              <button type="submit" class="button button--secondary" aria-describedby="disable-hint">
                {t(lang, 'staff.admin.user.disable')}
              </button>
            </p>
          </>
        )}
      </form>

      <h2>{t(lang, 'staff.admin.user.resetTitle')}</h2>
      <form method="post" action={urls.staffAdminUserReset(lang, account.id)} class="staff-form">
        <input type="hidden" name="_csrf" value={staff.csrfToken} />
        <p class="hint" id="reset-hint">
          {t(lang, 'staff.admin.user.resetHint')}
        </p>
        <p>
          <button type="submit" class="button button--secondary" aria-describedby="reset-hint">
            {t(lang, 'staff.admin.user.reset')}
          </button>
        </p>
      </form>
      <p>
        <a href={urls.staffAdminAudit(lang, { entity: 'staff_user', entity_id: account.id })}>{t(lang, 'staff.admin.user.history')}</a>
      </p>
    </div>
  );
}

export interface AuditQueryView {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
  page: number;
}

/** A before/after value as a person reads it: scalars as they are, objects as JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function Changes({ lang, before, after }: { lang: Lang; before: unknown; after: unknown }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <span class="hint">{t(lang, 'staff.admin.audit.empty')}</span>;
  return (
    <ul class="audit-changes">
      {keys.map((key) => (
        <li>
          <code>{key}</code>:{' '}
          {key in b && key in a && show(b[key]) === show(a[key]) ? (
            <span>{show(a[key])}</span>
          ) : (
            <>
              {key in b ? <span>{show(b[key])}</span> : null}
              {key in b && key in a ? ' → ' : null}
              {key in a ? <strong>{show(a[key])}</strong> : null}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function AuditView({
  lang,
  rows,
  total,
  query,
  options,
  errors,
}: {
  lang: Lang;
  rows: AuditRow[];
  total: number;
  query: AuditQueryView;
  options: { actions: string[]; entities: string[]; actors: { id: string; name: string; email: string }[] };
  errors: FieldError[];
}) {
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageUrl = (page: number) =>
    urls.staffAdminAudit(lang, { actor: query.actor, action: query.action, entity: query.entity, entity_id: query.entityId, from: query.from, to: query.to, page });
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="staff-admin">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <AdminNav lang={lang} current="audit" />
      <h1>{t(lang, 'staff.admin.audit.title')}</h1>
      <p class="lead">{t(lang, 'staff.admin.audit.lead')}</p>
      <form method="get" action={urls.staffAdminAudit(lang)} class="filter-form" aria-label={t(lang, 'staff.admin.audit.filter')} novalidate>
        {query.entityId && <input type="hidden" name="entity_id" value={query.entityId} />}
        <div class="field">
          <label for="actor">{t(lang, 'staff.admin.audit.actor')}</label>
          <select id="actor" name="actor">
            <option value="">{t(lang, 'staff.admin.users.any')}</option>
            <option value="system" selected={query.actor === 'system'}>
              {t(lang, 'staff.admin.audit.actorSystem')}
            </option>
            {options.actors.map((a) => (
              <option value={a.id} selected={query.actor === a.id}>
                {`${a.name} (${a.email})`}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="action">{t(lang, 'staff.admin.audit.action')}</label>
          <select id="action" name="action">
            <option value="">{t(lang, 'staff.admin.users.any')}</option>
            {options.actions.map((a) => (
              <option value={a} selected={query.action === a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="entity">{t(lang, 'staff.admin.audit.entity')}</label>
          <select id="entity" name="entity">
            <option value="">{t(lang, 'staff.admin.users.any')}</option>
            {options.entities.map((e) => (
              <option value={e} selected={query.entity === e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        {(['from', 'to'] as const).map((name) => (
          <div class={`field${errorOf(name) ? ' field--error' : ''}`}>
            <label for={name}>{t(lang, `staff.admin.audit.${name}`)}</label>
            <p class="hint" id={`${name}-hint`}>
              {t(lang, 'staff.admin.audit.dateHint')}
            </p>
            {errorOf(name) && (
              <p class="field__error" id={`${name}-error`}>
                <span class="visually-hidden">{t(lang, 'staff.errorPrefix')}</span> {errorOf(name)}
              </p>
            )}
            <input id={name} name={name} type="date" value={query[name]} aria-describedby={describedBy(name, true, errorOf(name))} aria-invalid={errorOf(name) ? 'true' : undefined} />
          </div>
        ))}
        <button type="submit" class="button button--secondary">
          {t(lang, 'staff.admin.audit.submit')}
        </button>
      </form>
      <p class="result-count" role="status">
        {t(lang, 'staff.admin.audit.count', { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t(lang, 'staff.admin.audit.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table audit-table">
            <caption class="visually-hidden">{t(lang, 'staff.admin.audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'staff.admin.audit.at')}</th>
                <th scope="col">{t(lang, 'staff.admin.audit.actor')}</th>
                <th scope="col">{t(lang, 'staff.admin.audit.action')}</th>
                <th scope="col">{t(lang, 'staff.admin.audit.entity')}</th>
                <th scope="col">{t(lang, 'staff.admin.audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <time dateTime={r.at.toISOString()}>{timeFormat[lang].format(r.at)}</time>
                  </td>
                  <td>{r.actorId ? (r.actorName ? `${r.actorName} (${r.actorEmail})` : r.actorId) : t(lang, 'staff.admin.audit.actorSystem')}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.entity === 'staff_user' && r.entityId ? (
                      <a href={urls.staffAdminUser(lang, r.entityId)}>
                        <code>{r.entity}</code> {r.entityId.slice(0, 8)}
                      </a>
                    ) : (
                      <>
                        <code>{r.entity}</code> {r.entityId ?? ''}
                      </>
                    )}
                  </td>
                  <td>
                    <Changes lang={lang} before={r.before} after={r.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pagination" aria-label={t(lang, 'staff.admin.pagination')}>
          <ul>
            {query.page > 1 && (
              <li>
                <a href={pageUrl(query.page - 1)} rel="prev">
                  {t(lang, 'staff.admin.previous')}
                </a>
              </li>
            )}
            <li aria-current="page">{t(lang, 'staff.admin.pageOf', { page: query.page, pages })}</li>
            {query.page < pages && (
              <li>
                <a href={pageUrl(query.page + 1)} rel="next">
                  {t(lang, 'staff.admin.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}
