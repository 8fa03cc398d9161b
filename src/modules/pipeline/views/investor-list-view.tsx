/** The investors' search page (GET form, table, pages) and the form that adds an investor. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { describedBy, ErrorSummary, Field, type FieldError } from '../../../platform/views/forms.js';
import { fieldLabel } from '../messages.js';
import { tTimeline } from '../messages.timeline.js';
import type { InvestorRow } from '../project.repository.js';
import { originChoices, regionName } from './project-options.js';

export interface InvestorListProps {
  lang: Lang;
  q: string;
  page: number;
  pageSize: number;
  total: number;
  rows: (InvestorRow & { projects: number })[];
  mayWrite: boolean;
}

function Pages({ lang, q, page, pageSize, total }: Pick<InvestorListProps, 'lang' | 'q' | 'page' | 'pageSize' | 'total'>) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (n: number) => urls.staffInvestors(lang, { q: q || undefined, page: n });
  return (
    <nav class="pagination" aria-label={tTimeline(lang, 'pipeline.investors.pages')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={link(page - 1)} rel="prev">
              {tTimeline(lang, 'pipeline.investors.previous')}
            </a>
          </li>
        )}
        <li>{tTimeline(lang, 'pipeline.investors.pageOf', { page, pages })}</li>
        {page < pages && (
          <li>
            <a href={link(page + 1)} rel="next">
              {tTimeline(lang, 'pipeline.investors.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function InvestorListView(props: InvestorListProps) {
  const { lang, rows } = props;
  const none = tTimeline(lang, 'pipeline.investors.notGiven');
  const h = (key: Parameters<typeof tTimeline>[1], cls?: string) => (
    <th scope="col" class={cls}>
      {tTimeline(lang, key)}
    </th>
  );
  return (
    <div class="investor-list">
      <h1>{tTimeline(lang, 'pipeline.investors.title')}</h1>
      <p>
        <a href={urls.staffProjects(lang)}>{tTimeline(lang, 'pipeline.investors.projects')}</a>
        {props.mayWrite && (
          <>
            {' · '}
            <a href={urls.staffInvestorNew(lang)}>{tTimeline(lang, 'pipeline.investors.new')}</a>
          </>
        )}
      </p>
      <form method="get" action={urls.staffInvestors(lang)} class="staff-form case-filters" role="search" aria-label={tTimeline(lang, 'pipeline.investors.search')}>
        <div class="field">
          <label for="investor-q">{tTimeline(lang, 'pipeline.investors.search.label')}</label>
          <input id="investor-q" name="q" type="search" maxLength={200} value={props.q} />
        </div>
        <button type="submit" class="button">
          {tTimeline(lang, 'pipeline.investors.search.submit')}
        </button>
      </form>
      <p class="case-count" role="status">
        {tTimeline(lang, 'pipeline.investors.count', { count: props.total })}
      </p>
      {rows.length === 0 ? (
        <p>{tTimeline(lang, 'pipeline.investors.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table case-table">
            <caption>{tTimeline(lang, 'pipeline.investors.table.caption')}</caption>
            <thead>
              <tr>
                {h('pipeline.investors.table.name')}
                {h('pipeline.investors.table.nameZh')}
                {h('pipeline.investors.table.origin')}
                {h('pipeline.investors.table.parent')}
                {h('pipeline.investors.table.projects', 'num')}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={urls.staffInvestor(lang, row.id)}>{row.name}</a>
                  </th>
                  <td lang="zh">{row.name_zh ?? none}</td>
                  <td>{regionName(lang, row.origin)}</td>
                  <td>{row.parent_group ?? none}</td>
                  <td class="num">{row.projects}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pages {...props} />
    </div>
  );
}

export function InvestorNewView({ lang, csrf, values, errors }: { lang: Lang; csrf: string; values: Record<string, string | undefined>; errors: FieldError[] }) {
  const errorOf = (field: string) => errors.find((e) => e.field === `investor-${field}`)?.message;
  const input = (field: 'name' | 'name_zh' | 'parent_group', label: string, max: number) => {
    const id = `investor-${field}`;
    const error = errorOf(field);
    return (
      <Field lang={lang} name={id} label={label} error={error}>
        <input id={id} name={field} type="text" maxLength={max} value={values[field] ?? ''} lang={field === 'name_zh' ? 'zh' : undefined} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, false, error)} />
      </Field>
    );
  };
  const originError = errorOf('origin');
  return (
    <div class="investor-new">
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <p class="case-back">
        <a href={urls.staffInvestors(lang)}>{tTimeline(lang, 'pipeline.timeline.back')}</a>
      </p>
      <h1>{tTimeline(lang, 'pipeline.investors.new')}</h1>
      <p>{tTimeline(lang, 'pipeline.investors.new.intro')}</p>
      <form method="post" action={urls.staffInvestorNew(lang)} class="staff-form">
        <input type="hidden" name="_csrf" value={csrf} />
        {input('name', fieldLabel(lang, 'investor_name'), 300)}
        {input('name_zh', fieldLabel(lang, 'investor_name_zh'), 300)}
        <Field lang={lang} name="investor-origin" label={fieldLabel(lang, 'origin')} error={originError}>
          <select id="investor-origin" name="origin" aria-invalid={originError ? 'true' : undefined} aria-describedby={describedBy('investor-origin', false, originError)}>
            <option value="">{tTimeline(lang, 'pipeline.investors.choose')}</option>
            {originChoices(lang).map((choice) => (
              <option value={choice.value} selected={values.origin === choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
        {input('parent_group', fieldLabel(lang, 'parent_group'), 300)}
        <button type="submit" class="button">
          {tTimeline(lang, 'pipeline.investors.new.submit')}
        </button>
      </form>
    </div>
  );
}
