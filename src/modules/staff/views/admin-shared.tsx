/** Pieces the administration pages share: the sub-navigation, labelled fields, notices, the role-and-scope fields. */
import type { ComponentChildren } from 'preact';
import { STAFF_ROLES } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { AccountForm } from '../admin/admin-users.js';
import { DISTRICT_IDS } from '../admin/admin-users.js';
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
export function AdminNav({ lang, current }: { lang: Lang; current: 'users' | 'audit' | 'home' }) {
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

export function Field({ lang, name, label, hint, error, children }: { lang: Lang; name: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
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

export const describedBy = (name: string, hint: boolean, error?: string) => [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

export function Notice({ text }: { text: string }) {
  return (
    <div class="panel staff-notice" role="status">
      <p>{text}</p>
    </div>
  );
}

/** Role, district and department: the fields of the invite form and of the role change. */
export function RoleFields({ lang, form, errorOf, districtName }: { lang: Lang; form: Pick<AccountForm, 'role' | 'district' | 'department'>; errorOf: (f: string) => string | undefined; districtName: DistrictNames }) {
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

