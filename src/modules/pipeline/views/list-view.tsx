/**
 * The project list: navigation, scope, filters, the count and CSV link, the table (the reference first, overdue next
 * actions said in words), pages, and the person's saved views with the form that saves the current one.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { StaffNotice } from '../../staff/index.js';
import { beijingDay, dateOfDay } from '../../calendar/index.js';
import { listQueryOf, listSearchOf, type ListQuery } from '../list.form.js';
import type { ListPage, ListRow } from '../list.queries.js';
import { t } from '../messages.js';
import { amountText, tList, type ListNames } from '../messages.list.js';
import type { SavedView } from '../saved-views.js';
import { ListFilters, PipelineNav, type Named } from './list-filters.js';

export interface SaveViewState {
  name: string;
  error?: string;
}

export interface ListViewProps {
  lang: Lang;
  scope: string;
  mayWrite: boolean;
  mayImport: boolean;
  query: ListQuery;
  /** Null when the filters have errors (nothing is listed until they are corrected). */
  page: ListPage | null;
  names: ListNames;
  industries: Named[];
  districts: Named[];
  views: SavedView[];
  save: SaveViewState;
  csrf: string;
  notice?: string;
}

const beijingDate = (at: Date) => dateOfDay(beijingDay(at));

export function NextAction({ lang, row }: { lang: Lang; row: Pick<ListRow, 'next_action' | 'next_action_on' | 'overdue'> }) {
  if (!row.next_action && !row.next_action_on) return <>{tList(lang, 'pipeline.list.none')}</>;
  return (
    <>
      {row.next_action}
      {row.next_action_on && <span class="case-table__sub">{tList(lang, 'pipeline.list.by', { date: row.next_action_on })}</span>}
      {row.overdue && <span class="sla sla--overdue">{tList(lang, 'pipeline.list.overdue')}</span>}
    </>
  );
}

export const investorName = (lang: Lang, row: Pick<ListRow, 'investor_name' | 'investor_name_zh'>) => (lang === 'zh' && row.investor_name_zh ? row.investor_name_zh : row.investor_name);

function ProjectTable({ lang, rows, names, sort }: { lang: Lang; rows: ListRow[]; names: ListNames; sort: string }) {
  const h = (key: Parameters<typeof tList>[1]) => <th scope="col">{tList(lang, key)}</th>;
  return (
    <div class="table-wrap">
      <table class="data-table case-table pipeline-table">
        <caption>{tList(lang, 'pipeline.list.table.caption', { sort })}</caption>
        <thead>
          <tr>
            {h('pipeline.list.table.reference')}
            {h('pipeline.list.table.name')}
            {h('pipeline.list.table.investor')}
            {h('pipeline.list.table.district')}
            {h('pipeline.list.table.industry')}
            {h('pipeline.list.table.stage')}
            {h('pipeline.list.table.status')}
            <th scope="col" class="num">
              {tList(lang, 'pipeline.list.table.amount')}
            </th>
            {h('pipeline.list.table.nextAction')}
            {h('pipeline.list.table.updated')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={urls.staffProject(lang, row.reference)}>{row.reference}</a>
              </th>
              <td>
                {row.name}
                <span class="case-table__sub">{t(lang, `pipeline.kind.${row.kind}`)}</span>
              </td>
              <td>
                {investorName(lang, row)}
                <span class="case-table__sub">{names.origin(row.investor_origin)}</span>
              </td>
              <td>{names.district(row.district_id)}</td>
              <td>{names.industry(row.industry_id)}</td>
              <td>{t(lang, `pipeline.stage.${row.stage}`)}</td>
              <td>{t(lang, `pipeline.status.${row.status}`)}</td>
              <td class="num">{amountText(row.amount_cny) ?? tList(lang, 'pipeline.list.none')}</td>
              <td>
                <NextAction lang={lang} row={row} />
              </td>
              <td>{beijingDate(row.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pagination({ lang, query, page }: { lang: Lang; query: ListQuery; page: ListPage }) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const hasNext = page.page < pages || (page.capped && page.rows.length === page.pageSize);
  if (pages <= 1 && !hasNext) return null;
  const link = (n: number) => urls.staffProjects(lang, listQueryOf(query.filters, { page: n }));
  return (
    <nav class="pagination" aria-label={tList(lang, 'pipeline.list.pages')}>
      <ul>
        {page.page > 1 && (
          <li>
            <a href={link(page.page - 1)} rel="prev">
              {tList(lang, 'pipeline.list.previous')}
            </a>
          </li>
        )}
        <li>{tList(lang, page.capped ? 'pipeline.list.pageOfMore' : 'pipeline.list.pageOf', { page: page.page, pages })}</li>
        {hasNext && (
          <li>
            <a href={link(page.page + 1)} rel="next">
              {tList(lang, 'pipeline.list.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The person's saved views, and the form that saves the current filters (not offered while they have errors). */
function SavedViews({ lang, views, save, csrf, search, savable }: { lang: Lang; views: SavedView[]; save: SaveViewState; csrf: string; search: string; savable: boolean }) {
  return (
    <section class="pipeline-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{tList(lang, 'pipeline.list.views.title')}</h2>
      {views.length === 0 ? (
        <p>{tList(lang, 'pipeline.list.views.none')}</p>
      ) : (
        <ul class="pipeline-views__list">
          {views.map((view) => (
            <li>
              <a href={`${urls.staffProjects(lang)}${view.query ? `?${view.query}` : ''}`}>{view.name}</a>{' '}
              <form method="post" action={urls.staffProjectsViewRemove(lang, view.id)} class="inline-form">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="button button--secondary button--small" aria-label={tList(lang, 'pipeline.list.views.removeView', { name: view.name })}>
                  {tList(lang, 'pipeline.list.views.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {savable && (
        <form method="post" action={urls.staffProjectsViews(lang)} class="staff-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="query" value={search} />
          <div class={`field${save.error ? ' field--error' : ''}`}>
            <label for="view-name">{tList(lang, 'pipeline.list.views.name')}</label>
            <p class="hint" id="view-name-hint">
              {tList(lang, 'pipeline.list.views.name.hint')}
            </p>
            {save.error && (
              <p class="field__error" id="view-name-error">
                {save.error}
              </p>
            )}
            <input id="view-name" name="name" type="text" maxLength={100} value={save.name} aria-invalid={save.error ? 'true' : undefined} aria-describedby={save.error ? 'view-name-hint view-name-error' : 'view-name-hint'} />
          </div>
          <button type="submit" class="button">
            {tList(lang, 'pipeline.list.views.save')}
          </button>
        </form>
      )}
    </section>
  );
}

export function ListView(props: ListViewProps) {
  const { lang, query, page } = props;
  const summary: FieldError[] = [...query.errors.map((e) => ({ ...e, field: `filter-${e.field}` })), ...(props.save.error ? [{ field: 'view-name', message: props.save.error }] : [])];
  return (
    <div class="pipeline-list">
      {summary.length > 0 && <ErrorSummary lang={lang} errors={summary} />}
      <h1>{tList(lang, 'pipeline.list.title')}</h1>
      <PipelineNav lang={lang} here="list" mayWrite={props.mayWrite} mayImport={props.mayImport} />
      <p class="muted">{props.scope}</p>
      {props.notice && <StaffNotice text={props.notice} />}
      <ListFilters lang={lang} action={urls.staffProjects(lang)} clear={urls.staffProjects(lang)} query={query} industries={props.industries} districts={props.districts} withSort />
      {page && (
        <>
          <p class="case-count" role="status">
            {page.capped ? tList(lang, 'pipeline.list.countCapped', { count: page.total }) : tList(lang, 'pipeline.list.count', { count: page.total })}{' '}
            {page.total > 0 && <a href={urls.staffProjectsCsv(lang, listQueryOf(query.filters, { page: 1 }))}>{tList(lang, 'pipeline.list.csv')}</a>}
          </p>
          {page.rows.length === 0 ? (
            <p>{tList(lang, 'pipeline.list.empty')}</p>
          ) : (
            <ProjectTable lang={lang} rows={page.rows} names={props.names} sort={tList(lang, `pipeline.list.sort.${query.filters.sort}`)} />
          )}
          <Pagination lang={lang} query={query} page={page} />
        </>
      )}
      <SavedViews lang={lang} views={props.views} save={props.save} csrf={props.csrf} search={listSearchOf(query.filters)} savable={query.errors.length === 0 || Boolean(props.save.error)} />
    </div>
  );
}
