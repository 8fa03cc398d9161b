/** The accounts pages: the list, the invitation form, the one-time link, one account with its changes. */
import { STAFF_ROLES, type StaffPrincipal } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { AccountForm } from '../admin/admin-users.js';
import { USER_STATUSES, type AccountRow } from '../admin/admin.queries.js';
import type { ScopeCatalogue, ScopeNames } from '../admin/scope-catalogue.js';
import { AdminNav, Field, Notice, RoleFields, describedBy, scopeText, timeFormat } from './admin-shared.js';

export function UsersView({ lang, accounts, filter, names }: { lang: Lang; accounts: AccountRow[]; filter: { role: string; status: string }; names: ScopeNames }) {
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
                  <td>{scopeText(lang, a, names)}</td>
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

export function InviteView({ lang, staff, form, errors, catalogue, names }: { lang: Lang; staff: StaffPrincipal; form: AccountForm; errors: FieldError[]; catalogue: ScopeCatalogue; names: ScopeNames }) {
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
        <RoleFields lang={lang} form={form} errorOf={errorOf} catalogue={catalogue} names={names} />
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
  catalogue,
  names,
}: {
  lang: Lang;
  staff: StaffPrincipal;
  account: AccountRow;
  form: Pick<AccountForm, 'role' | 'district' | 'department'>;
  errors: FieldError[];
  notice?: UserNotice;
  catalogue: ScopeCatalogue;
  names: ScopeNames;
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
          <dd>{scopeText(lang, account, names)}</dd>
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
        <RoleFields lang={lang} form={form} errorOf={errorOf} catalogue={catalogue} names={names} keepDepartmentId={account.departmentId} />
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

