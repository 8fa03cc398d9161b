/** The departments and districts page (lists, filters, deactivate/activate) and the form that adds a department. */
import { DEPARTMENT_KINDS, type StaffPrincipal } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, SelectField, type FieldError } from '../../../platform/views/forms.js';
import type { DepartmentForm } from '../admin/admin-departments.js';
import { nameIn, type DepartmentRow, type DistrictRow } from '../department.repository.js';
import { t } from '../messages.js';
import { AdminNav, Field, Notice, describedBy } from './admin-shared.js';

export interface DepartmentsFilter {
  kind: string;
  district: string;
  status: string;
}

export type DepartmentNotice = { kind: 'created' | 'deactivated' | 'activated'; name: string };

/** The name in the page's language first (the row's header), then the other, each marked with its language. */
function NameHeaders({ lang }: { lang: Lang }) {
  const en = <th scope="col">{t(lang, 'staff.admin.departments.nameEn')}</th>;
  const zh = <th scope="col">{t(lang, 'staff.admin.departments.nameZh')}</th>;
  return lang === 'zh' ? (
    <>
      {zh}
      {en}
    </>
  ) : (
    <>
      {en}
      {zh}
    </>
  );
}

function NameCells({ lang, row }: { lang: Lang; row: { nameEn: string; nameZh: string } }) {
  const [first, second] = lang === 'zh' ? ([[row.nameZh, 'zh-CN'], [row.nameEn, 'en']] as const) : ([[row.nameEn, 'en'], [row.nameZh, 'zh-CN']] as const);
  return (
    <>
      <th scope="row" lang={first[1]}>
        {first[0]}
      </th>
      <td lang={second[1]}>{second[0]}</td>
    </>
  );
}

function DistrictsTable({ lang, districts }: { lang: Lang; districts: DistrictRow[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption class="visually-hidden">{t(lang, 'staff.admin.departments.districtsCaption')}</caption>
        <thead>
          <tr>
            <NameHeaders lang={lang} />
            <th scope="col">{t(lang, 'staff.admin.departments.users')}</th>
            <th scope="col">{t(lang, 'staff.admin.departments.departmentCount')}</th>
          </tr>
        </thead>
        <tbody>
          {districts.map((d) => (
            <tr>
              <NameCells lang={lang} row={d} />
              <td>{d.users}</td>
              <td>
                <a href={`${urls.staffAdminDepartments(lang, { district: d.id })}#departments`}>{d.departments}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusForm({ lang, staff, department }: { lang: Lang; staff: StaffPrincipal; department: DepartmentRow }) {
  const action = department.active ? 'deactivate' : 'activate';
  return (
    <form method="post" action={urls.staffAdminDepartmentStatus(lang, department.id)} class="inline-form">
      <input type="hidden" name="_csrf" value={staff.csrfToken} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" class="button button--secondary button--small">
        {t(lang, `staff.admin.departments.${action}`)}
        <span class="visually-hidden"> {nameIn(lang, department)}</span>
      </button>
    </form>
  );
}

function DepartmentsTable({ lang, staff, departments, districtName }: { lang: Lang; staff: StaffPrincipal; departments: DepartmentRow[]; districtName: (id: string) => string }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption class="visually-hidden">{t(lang, 'staff.admin.departments.caption')}</caption>
        <thead>
          <tr>
            <NameHeaders lang={lang} />
            <th scope="col">{t(lang, 'staff.admin.departments.kind')}</th>
            <th scope="col">{t(lang, 'staff.admin.district')}</th>
            <th scope="col">{t(lang, 'staff.admin.departments.users')}</th>
            <th scope="col">{t(lang, 'staff.admin.departments.source')}</th>
            <th scope="col">{t(lang, 'staff.admin.status')}</th>
            <th scope="col">{t(lang, 'staff.admin.departments.change')}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr id={`department-${d.id}`}>
              <NameCells lang={lang} row={d} />
              <td>{t(lang, `staff.admin.departmentKind.${d.kind}`)}</td>
              <td>{d.districtId ? districtName(d.districtId) : '—'}</td>
              <td>{d.users}</td>
              <td>{t(lang, d.sourceContactId ? 'staff.admin.departments.sourceContact' : 'staff.admin.departments.sourceAdded')}</td>
              <td>{t(lang, d.active ? 'staff.admin.departments.active' : 'staff.admin.departments.inactive')}</td>
              <td>
                <StatusForm lang={lang} staff={staff} department={d} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DepartmentsView({
  lang,
  staff,
  districts,
  departments,
  filter,
  notice,
}: {
  lang: Lang;
  staff: StaffPrincipal;
  districts: DistrictRow[];
  departments: DepartmentRow[];
  filter: DepartmentsFilter;
  notice?: DepartmentNotice;
}) {
  const districtNames = new Map(districts.map((d) => [d.id, nameIn(lang, d)]));
  const districtName = (id: string) => districtNames.get(id) ?? id;
  const any = { value: '', label: t(lang, 'staff.admin.users.any') };
  return (
    <div class="staff-admin">
      {notice && <Notice text={t(lang, `staff.admin.departments.notice.${notice.kind}`, { name: notice.name })} />}
      <AdminNav lang={lang} current="departments" />
      <h1>{t(lang, 'staff.admin.departments.title')}</h1>
      <p class="lead">{t(lang, 'staff.admin.departments.lead')}</p>
      <h2>{t(lang, 'staff.admin.departments.districtsTitle')}</h2>
      <DistrictsTable lang={lang} districts={districts} />
      <h2 id="departments">{t(lang, 'staff.admin.departments.departmentsTitle')}</h2>
      <p>
        <a class="button" href={urls.staffAdminDepartmentNew(lang)}>
          {t(lang, 'staff.admin.departments.add')}
        </a>
      </p>
      <form method="get" action={`${urls.staffAdminDepartments(lang)}#departments`} class="filter-form" aria-label={t(lang, 'staff.admin.departments.filter')}>
        <SelectField name="kind" label={t(lang, 'staff.admin.departments.kind')} selected={filter.kind} options={[any, ...DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(lang, `staff.admin.departmentKind.${kind}`) }))]} />
        <SelectField name="district" label={t(lang, 'staff.admin.district')} selected={filter.district} options={[any, ...districts.map((d) => ({ value: d.id, label: nameIn(lang, d) }))]} />
        <SelectField
          name="status"
          label={t(lang, 'staff.admin.status')}
          selected={filter.status}
          options={[any, { value: 'active', label: t(lang, 'staff.admin.departments.active') }, { value: 'inactive', label: t(lang, 'staff.admin.departments.inactive') }]}
        />
        <button type="submit" class="button button--secondary">
          {t(lang, 'staff.admin.departments.filterSubmit')}
        </button>
      </form>
      <p class="result-count" role="status">
        {t(lang, 'staff.admin.departments.count', { count: departments.length })}
      </p>
      {departments.length === 0 ? <p>{t(lang, 'staff.admin.departments.none')}</p> : <DepartmentsTable lang={lang} staff={staff} departments={departments} districtName={districtName} />}
      <p>
        <a href={urls.staffAdminAudit(lang, { entity: 'department' })}>{t(lang, 'staff.admin.departments.history')}</a>
      </p>
    </div>
  );
}

export function NewDepartmentView({ lang, staff, form, errors, districts }: { lang: Lang; staff: StaffPrincipal; form: DepartmentForm; errors: FieldError[]; districts: DistrictRow[] }) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const invalid = (field: string) => (errorOf(field) ? 'true' : undefined);
  return (
    <div class="staff-admin">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <AdminNav lang={lang} current="departments" />
      <h1>{t(lang, 'staff.admin.departments.new.title')}</h1>
      <p class="lead">{t(lang, 'staff.admin.departments.new.lead')}</p>
      <form method="post" action={urls.staffAdminDepartmentNew(lang)} novalidate class="staff-form">
        <input type="hidden" name="_csrf" value={staff.csrfToken} />
        <Field lang={lang} name="name_en" label={t(lang, 'staff.admin.departments.nameEn')} error={errorOf('name_en')}>
          <input id="name_en" name="name_en" type="text" lang="en" autocomplete="off" value={form.name_en} aria-describedby={describedBy('name_en', false, errorOf('name_en'))} aria-invalid={invalid('name_en')} />
        </Field>
        <Field lang={lang} name="name_zh" label={t(lang, 'staff.admin.departments.nameZh')} error={errorOf('name_zh')}>
          <input id="name_zh" name="name_zh" type="text" lang="zh-CN" autocomplete="off" value={form.name_zh} aria-describedby={describedBy('name_zh', false, errorOf('name_zh'))} aria-invalid={invalid('name_zh')} />
        </Field>
        <Field lang={lang} name="kind" label={t(lang, 'staff.admin.departments.kind')} error={errorOf('kind')}>
          <select id="kind" name="kind" aria-describedby={describedBy('kind', false, errorOf('kind'))} aria-invalid={invalid('kind')}>
            <option value="">{t(lang, 'staff.admin.departments.new.kindChoose')}</option>
            {DEPARTMENT_KINDS.map((kind) => (
              <option value={kind} selected={form.kind === kind}>
                {t(lang, `staff.admin.departmentKind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field lang={lang} name="district" label={t(lang, 'staff.admin.district')} hint={t(lang, 'staff.admin.departments.new.districtHint')} error={errorOf('district')}>
          <select id="district" name="district" aria-describedby={describedBy('district', true, errorOf('district'))} aria-invalid={invalid('district')}>
            <option value="">{t(lang, 'staff.admin.districtNone')}</option>
            {districts.map((d) => (
              <option value={d.id} selected={form.district === d.id}>
                {nameIn(lang, d)}
              </option>
            ))}
          </select>
        </Field>
        <p>
          <button type="submit" class="button">
            {t(lang, 'staff.admin.departments.new.submit')}
          </button>
        </p>
      </form>
    </div>
  );
}
