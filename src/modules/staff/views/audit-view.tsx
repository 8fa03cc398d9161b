/** The audit log page: filters, and each change with its before → after. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { AUDIT_PAGE_SIZE, type AuditRow } from '../admin/admin.queries.js';
import type { ScopeNames } from '../admin/scope-catalogue.js';
import { AdminNav, describedBy, timeFormat } from './admin-shared.js';
import { actionLabel, entityLabel, fieldLabel, rawValue, valueLabel } from './audit-labels.js';

export interface AuditQueryView {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
  page: number;
}

/** A label with its raw code kept in the title, for investigators (the code is also in the entry's small print). */
function Labelled({ label, code, strong }: { label: string; code: string; strong?: boolean }) {
  const title = label === code ? undefined : code;
  return strong ? <strong title={title}>{label}</strong> : <span title={title}>{label}</span>;
}

function Changes({ lang, before, after, names }: { lang: Lang; before: unknown; after: unknown; names: ScopeNames }) {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <span class="hint">{t(lang, 'staff.admin.audit.empty')}</span>;
  return (
    <ul class="audit-changes">
      {keys.map((key) => {
        const value = (v: unknown, strong?: boolean) => <Labelled label={valueLabel(lang, key, v, names)} code={rawValue(v)} strong={strong} />;
        return (
          <li data-field={key}>
            <Labelled label={fieldLabel(lang, key)} code={key} />:{' '}
            {key in b && key in a && rawValue(b[key]) === rawValue(a[key]) ? (
              value(a[key])
            ) : (
              <>
                {key in b ? value(b[key]) : null}
                {key in b && key in a ? ' → ' : null}
                {key in a ? value(a[key], true) : null}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What the entry is about: an account (linked) or a department (by name), with the entity's code and id in small print. */
function Entity({ lang, row, names }: { lang: Lang; row: AuditRow; names: ScopeNames }) {
  const label = entityLabel(lang, row.entity);
  const code = (
    <small class="audit-code">
      <code>{row.entityId ? `${row.entity} ${row.entityId}` : row.entity}</code>
    </small>
  );
  if (row.entity === 'staff_user' && row.entityId) {
    return (
      <>
        <a href={urls.staffAdminUser(lang, row.entityId)}>{`${label} ${row.entityId.slice(0, 8)}`}</a>
        {code}
      </>
    );
  }
  if (row.entity === 'department' && row.entityId) {
    return (
      <>
        <a href={`${urls.staffAdminDepartments(lang)}#department-${row.entityId}`}>{names.department(row.entityId)}</a>
        {code}
      </>
    );
  }
  return (
    <>
      {label}
      {code}
    </>
  );
}

export function AuditView({
  lang,
  rows,
  total,
  query,
  options,
  errors,
  names,
}: {
  lang: Lang;
  rows: AuditRow[];
  total: number;
  query: AuditQueryView;
  options: { actions: string[]; entities: string[]; actors: { id: string; name: string; email: string }[] };
  errors: FieldError[];
  names: ScopeNames;
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
                {actionLabel(lang, a)}
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
                {entityLabel(lang, e)}
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
                    {actionLabel(lang, r.action)}
                    <small class="audit-code" title={t(lang, 'staff.audit.codeOf', { code: r.action })}>
                      <code>{r.action}</code>
                    </small>
                  </td>
                  <td>
                    <Entity lang={lang} row={r} names={names} />
                  </td>
                  <td>
                    <Changes lang={lang} before={r.before} after={r.after} names={names} />
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

