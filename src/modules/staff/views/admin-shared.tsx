/** Pieces the administration pages share: the sub-navigation, labelled fields, notices, the role-and-scope fields. */
import type { ComponentChildren } from 'preact';
import { STAFF_ROLES } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { AccountForm } from '../admin/admin-users.js';
import { departmentOptions, type ScopeCatalogue, type ScopeNames } from '../admin/scope-catalogue.js';
import { nameIn, type DepartmentRow } from '../department.repository.js';
export const timeFormat = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
};

export function scopeText(lang: Lang, account: { districtId: string | null; departmentId: string | null }, names: ScopeNames): string {
  if (account.districtId) return t(lang, 'staff.home.scopeDistrict', { district: names.district(account.districtId) });
  if (account.departmentId) return t(lang, 'staff.home.scopeDepartment', { department: names.department(account.departmentId) });
  return t(lang, 'staff.home.scopeAll');
}

/** The links between the administration pages. */
export type AdminSection = 'users' | 'departments' | 'calendar' | 'audit' | 'home';

export function AdminNav({ lang, current }: { lang: Lang; current: AdminSection }) {
  const link = (key: AdminSection, href: string, label: string) => (
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
        {link('departments', urls.staffAdminDepartments(lang), t(lang, 'staff.admin.departments.title'))}
        {link('calendar', urls.staffAdminCalendar(lang), t(lang, 'staff.admin.calendar.title'))}
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

const collators = { en: new Intl.Collator('en'), zh: new Intl.Collator('zh-CN') };
const KIND_ORDER = ['municipal', 'national', 'district', 'zone', 'other'] as const;

/** Departments grouped for a select: municipal, national, each district's (in the districts' order), zones, others. */
function departmentGroups(lang: Lang, catalogue: ScopeCatalogue, departments: DepartmentRow[], names: ScopeNames): { label: string; departments: DepartmentRow[] }[] {
  const districtOrder = new Map(catalogue.districts.map((d, i) => [d.id, i]));
  const rank = (d: DepartmentRow) => KIND_ORDER.indexOf(d.kind) * 1000 + (d.kind === 'district' ? (districtOrder.get(d.districtId ?? '') ?? 999) : 0);
  const groups = new Map<number, { label: string; departments: DepartmentRow[] }>();
  for (const d of departments) {
    const label = d.kind === 'district' && d.districtId ? names.district(d.districtId) : t(lang, `staff.admin.departmentGroup.${d.kind}`);
    const group = groups.get(rank(d)) ?? { label, departments: [] };
    group.departments.push(d);
    groups.set(rank(d), group);
  }
  const byName = (a: DepartmentRow, b: DepartmentRow) => collators[lang].compare(nameIn(lang, a), nameIn(lang, b));
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => ({ ...group, departments: group.departments.sort(byName) }));
}

/** Role, district and department: the fields of the invite form and of the role change. */
export function RoleFields({
  lang,
  form,
  errorOf,
  catalogue,
  names,
  keepDepartmentId,
}: {
  lang: Lang;
  form: Pick<AccountForm, 'role' | 'district' | 'department'>;
  errorOf: (f: string) => string | undefined;
  catalogue: ScopeCatalogue;
  names: ScopeNames;
  /** The account's current department, offered even when it has been deactivated since. */
  keepDepartmentId?: string | null;
}) {
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
          {catalogue.districts.map((d) => (
            <option value={d.id} selected={form.district === d.id}>
              {nameIn(lang, d)}
            </option>
          ))}
        </select>
      </Field>
      <Field lang={lang} name="department" label={t(lang, 'staff.admin.department')} hint={t(lang, 'staff.admin.departmentHint')} error={errorOf('department')}>
        <select id="department" name="department" aria-describedby={describedBy('department', true, errorOf('department'))} aria-invalid={errorOf('department') ? 'true' : undefined}>
          <option value="">{t(lang, 'staff.admin.departmentNone')}</option>
          {departmentGroups(lang, catalogue, departmentOptions(catalogue, keepDepartmentId), names).map((group) => (
            <optgroup label={group.label}>
              {group.departments.map((d) => (
                <option value={d.id} selected={form.department === d.id}>
                  {d.active ? nameIn(lang, d) : t(lang, 'staff.admin.departments.inactiveOption', { name: nameIn(lang, d) })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
    </>
  );
}
