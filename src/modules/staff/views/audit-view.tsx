/** The audit log page: filters, and each change with its before → after. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { AUDIT_PAGE_SIZE, type AuditRow } from '../admin/admin.queries.js';
import { AdminNav, describedBy, timeFormat } from './admin-shared.js';

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

