/**
 * The workbench: queues, filters, the list of cases (one SLA badge per row) and, for those who dispatch, the bulk
 * dispatch form around the list (a checkbox on each accepted case, then the lead and co-handling units).
 */
import { urls } from '../../../platform/http/urls.js';
import { htmlLang, type Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { StaffNotice } from '../../staff/index.js';
import type { CaseSla } from '../case-sla.js';
import { t } from '../messages.js';
import { filterQuery, WORKBENCH_PAGE_SIZE, type Queue, type WorkbenchFilter } from '../workbench.form.js';
import type { DispatchTarget, WorkbenchRow } from '../workbench.queries.js';
import { kindLabel, shortInstant, slaLabel, statusLabel } from './case-labels.js';
import { DepartmentOptions } from './department-options.js';
import { QueueNav, WorkbenchFilters, type Named } from './workbench-filters.js';

export interface WorkbenchProps {
  lang: Lang;
  scope: string;
  filter: WorkbenchFilter;
  input: Record<string, string>;
  errors: FieldError[];
  queues: Queue[];
  counts: Record<Queue | 'all', number>;
  rows: (WorkbenchRow & { sla: CaseSla })[];
  total: number;
  topics: Named[];
  districts: Named[];
  /** The units a dispatch may go to; absent for people who do not dispatch. */
  dispatch?: { targets: DispatchTarget[]; csrf: string; errors: FieldError[]; selected: string[]; lead: string; co: string[] };
  readOnly: boolean;
}

export function SlaBadge({ lang, sla }: { lang: Lang; sla: CaseSla }) {
  return <span class={`sla sla--${sla}`}>{slaLabel(lang, sla)}</span>;
}

function CaseTable({ lang, rows, topics, districts, selectable, selected }: { lang: Lang; rows: WorkbenchProps['rows']; topics: Named[]; districts: Named[]; selectable: boolean; selected: string[] }) {
  const nameOf = (list: Named[], id: string | null) => (id ? (list.find((x) => x.id === id)?.name ?? id) : '—');
  return (
    <div class="table-wrap">
      <table class="data-table case-table">
        <caption class="visually-hidden">{t(lang, 'workbench.table.caption')}</caption>
        <thead>
          <tr>
            {selectable && <th scope="col">{t(lang, 'workbench.table.select')}</th>}
            <th scope="col">{t(lang, 'workbench.table.reference')}</th>
            <th scope="col">{t(lang, 'workbench.table.subject')}</th>
            <th scope="col">{t(lang, 'workbench.table.kind')}</th>
            <th scope="col">{t(lang, 'workbench.table.district')}</th>
            <th scope="col">{t(lang, 'workbench.table.status')}</th>
            <th scope="col">{t(lang, 'workbench.table.lead')}</th>
            <th scope="col">{t(lang, 'workbench.table.due')}</th>
            <th scope="col">{t(lang, 'workbench.table.sla')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {selectable && (
                <td>
                  {row.status === 'accepted' && (
                    <>
                      <input type="checkbox" id={`case-${row.reference}`} name="case" value={row.reference} checked={selected.includes(row.reference)} />
                      <label for={`case-${row.reference}`} class="visually-hidden">
                        {t(lang, 'workbench.table.selectCase', { reference: row.reference })}
                      </label>
                    </>
                  )}
                </td>
              )}
              <th scope="row">
                <a href={urls.staffCase(lang, row.reference)}>{row.reference}</a>
              </th>
              <td>
                <span lang={htmlLang(row.lang)}>{row.subject}</span>
                {row.fie_complaint && <span class="case-flag">{t(lang, 'caseStaff.fie')}</span>}
                {row.confidential && <span class="case-flag case-flag--confidential">{t(lang, 'caseStaff.confidential')}</span>}
              </td>
              <td>
                {kindLabel(lang, row.kind)}
                <span class="case-table__sub">{nameOf(topics, row.topic_id)}</span>
              </td>
              <td>{nameOf(districts, row.district_id)}</td>
              <td>{statusLabel(lang, row.status)}</td>
              <td>{(lang === 'zh' ? row.lead_zh : row.lead_en) ?? '—'}</td>
              <td>{row.sla === 'paused' && row.materials_due_at ? t(lang, 'workbench.table.materialsDue', { date: shortInstant(lang, row.materials_due_at) }) : shortInstant(lang, row.due_at)}</td>
              <td>
                <SlaBadge lang={lang} sla={row.sla} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pagination({ lang, filter, total }: { lang: Lang; filter: WorkbenchFilter; total: number }) {
  const pages = Math.max(1, Math.ceil(total / WORKBENCH_PAGE_SIZE));
  if (pages <= 1) return null;
  const link = (page: number) => urls.staffCases(lang, filterQuery(filter, { page }));
  return (
    <nav class="pagination" aria-label={t(lang, 'workbench.pages')}>
      <ul>
        {filter.page > 1 && (
          <li>
            <a href={link(filter.page - 1)} rel="prev">
              {t(lang, 'workbench.previous')}
            </a>
          </li>
        )}
        <li>{t(lang, 'workbench.pageOf', { page: filter.page, pages })}</li>
        {filter.page < pages && (
          <li>
            <a href={link(filter.page + 1)} rel="next">
              {t(lang, 'workbench.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function WorkbenchView(props: WorkbenchProps) {
  const { lang, filter, rows, total, dispatch } = props;
  const summary = [...props.errors.map((e) => ({ ...e, field: `filter-${e.field}` })), ...(dispatch?.errors ?? [])];
  const dispatchable = dispatch !== undefined && rows.some((r) => r.status === 'accepted');
  const table = <CaseTable lang={lang} rows={rows} topics={props.topics} districts={props.districts} selectable={dispatchable} selected={dispatch?.selected ?? []} />;
  const dispatchError = (name: string) => dispatch?.errors.find((e) => e.field === `dispatch-${name}`)?.message;
  return (
    <div class="case-workbench">
      {summary.length > 0 && <ErrorSummary lang={lang} errors={summary} />}
      <h1>{t(lang, 'workbench.title')}</h1>
      <p class="muted">{props.scope}</p>
      {props.readOnly && <StaffNotice text={t(lang, 'workbench.readOnly')} />}
      <QueueNav lang={lang} filter={filter} queues={props.queues} counts={props.counts} />
      <WorkbenchFilters lang={lang} filter={filter} input={props.input} errors={props.errors} topics={props.topics} districts={props.districts} />
      <p class="case-count" role="status">
        {t(lang, 'workbench.count', { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t(lang, 'workbench.empty')}</p>
      ) : dispatchable && dispatch ? (
        <form method="post" action={urls.staffCasesDispatch(lang, filterQuery(filter))} class="case-dispatch">
          <input type="hidden" name="_csrf" value={dispatch.csrf} />
          {table}
          <fieldset class="case-dispatch__units" id="dispatch-case">
            <legend>{t(lang, 'workbench.dispatch.legend')}</legend>
            <p class="hint">{t(lang, 'workbench.dispatch.hint')}</p>
            <div class={`field${dispatchError('lead') ? ' field--error' : ''}`}>
              <label for="dispatch-lead">{t(lang, 'workbench.dispatch.lead')}</label>
              {dispatchError('lead') && <p class="field__error">{dispatchError('lead')}</p>}
              <select id="dispatch-lead" name="lead">
                <option value="">{t(lang, 'workbench.dispatch.choose')}</option>
                <DepartmentOptions lang={lang} targets={dispatch.targets} selected={[dispatch.lead]} />
              </select>
            </div>
            <div class={`field${dispatchError('co') ? ' field--error' : ''}`}>
              <label for="dispatch-co">{t(lang, 'workbench.dispatch.co')}</label>
              <p class="hint" id="dispatch-co-hint">
                {t(lang, 'workbench.dispatch.co.hint')}
              </p>
              {dispatchError('co') && <p class="field__error">{dispatchError('co')}</p>}
              <select id="dispatch-co" name="co" multiple size={6} aria-describedby="dispatch-co-hint">
                <DepartmentOptions lang={lang} targets={dispatch.targets} selected={dispatch.co} />
              </select>
            </div>
            <button type="submit" class="button">
              {t(lang, 'workbench.dispatch.submit')}
            </button>
          </fieldset>
        </form>
      ) : (
        table
      )}
      <Pagination lang={lang} filter={filter} total={total} />
    </div>
  );
}
