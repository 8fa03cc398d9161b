/**
 * The pipeline pages' small navigation (list, board, dashboard, new project, import, investors) and the list's GET
 * form of filters, shared by the list and the board (each field keeps what was sent and shows its own error).
 */
import type { ComponentChildren } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import { DISTRICT_IDS } from '../../content/index.js';
import { LIST_SORTS, type ListQuery } from '../list.form.js';
import { t } from '../messages.js';
import { tList } from '../messages.list.js';
import { PROJECT_KINDS, SOURCE_KINDS, STAGES, STATUSES } from '../stage-rules.js';

export interface Named {
  id: string;
  name: string;
}

type Here = 'list' | 'board' | 'dashboard';

export function PipelineNav({ lang, here, mayWrite, mayImport }: { lang: Lang; here: Here; mayWrite: boolean; mayImport: boolean }) {
  const item = (href: string, label: string, current = false) => (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav class="staff-admin-nav pipeline-nav" aria-label={tList(lang, 'pipeline.list.nav')}>
      <ul>
        {item(urls.staffProjects(lang), tList(lang, 'pipeline.list.nav.list'), here === 'list')}
        {item(urls.staffProjectsBoard(lang), tList(lang, 'pipeline.list.nav.board'), here === 'board')}
        {item(urls.staffProjectsDashboard(lang), tList(lang, 'pipeline.list.nav.dashboard'), here === 'dashboard')}
        {item(urls.staffInvestors(lang), tList(lang, 'pipeline.list.nav.investors'))}
        {item(urls.staffOpportunities(lang), tList(lang, 'pipeline.list.nav.opportunities'))}
        {mayWrite && item(urls.staffProjectNew(lang), tList(lang, 'pipeline.list.nav.new'))}
        {mayImport && item(urls.staffProjectsImport(lang), tList(lang, 'pipeline.list.nav.import'))}
      </ul>
    </nav>
  );
}

function FieldShell({ lang, name, label, hint, error, children }: { lang: Lang; name: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={`filter-${name}`}>{label}</label>
      {hint && (
        <p class="hint" id={`filter-${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`filter-${name}-error`}>
          <span class="visually-hidden">{tPlatform(lang, 'form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

const describedBy = (name: string, hint: boolean, error?: string) => [hint ? `filter-${name}-hint` : '', error ? `filter-${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function Select({ lang, name, label, value, options, error, any = true }: { lang: Lang; name: string; label: string; value: string | undefined; options: { value: string; label: string }[]; error?: string; any?: boolean }) {
  return (
    <FieldShell lang={lang} name={name} label={label} error={error}>
      <select id={`filter-${name}`} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, false, error)}>
        {any && <option value="">{tList(lang, 'pipeline.list.filter.any')}</option>}
        {options.map((o) => (
          <option value={o.value} selected={value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

function Checkboxes({ lang, name, legend, values, chosen, error }: { lang: Lang; name: string; legend: string; values: { value: string; label: string }[]; chosen: string[]; error?: string }) {
  return (
    <fieldset class={`pipeline-filters__set${error ? ' field--error' : ''}`} id={`filter-${name}`} aria-describedby={error ? `filter-${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p class="field__error" id={`filter-${name}-error`}>
          {error}
        </p>
      )}
      {values.map((v) => (
        <div class="checkbox">
          <input type="checkbox" id={`filter-${name}-${v.value}`} name={name} value={v.value} checked={chosen.includes(v.value)} />
          <label for={`filter-${name}-${v.value}`}>{v.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Tick({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="checkbox">
      <input type="checkbox" id={`filter-${name}`} name={name} value="yes" checked={checked} />
      <label for={`filter-${name}`}>{label}</label>
    </div>
  );
}

export interface FilterFormProps {
  lang: Lang;
  action: string;
  clear: string;
  query: ListQuery;
  industries: Named[];
  /** Districts the viewer may filter by (none for a district officer: their scope is one district). */
  districts: Named[];
  /** The board has no sort order of its own beyond the cards' order and no pages. */
  withSort: boolean;
}

export function ListFilters({ lang, action, clear, query, industries, districts, withSort }: FilterFormProps) {
  const { input, errors } = query;
  const errorOf = (name: string) => errors.find((e: FieldError) => e.field === name)?.message;
  const one = (name: keyof typeof input) => {
    const value = input[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const list = (name: 'stage' | 'status') => {
    const value = input[name];
    return (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.split(','));
  };
  return (
    <form method="get" action={action} class="filter-form pipeline-filters" role="search" aria-label={tList(lang, 'pipeline.list.filter.title')}>
      <FieldShell lang={lang} name="q" label={tList(lang, 'pipeline.list.filter.q')} hint={tList(lang, 'pipeline.list.filter.q.hint')} error={errorOf('q')}>
        <input id="filter-q" name="q" type="search" value={one('q') ?? ''} maxLength={200} aria-describedby={describedBy('q', true, errorOf('q'))} />
      </FieldShell>
      <Checkboxes lang={lang} name="stage" legend={tList(lang, 'pipeline.list.filter.stage')} values={STAGES.map((s) => ({ value: s, label: t(lang, `pipeline.stage.${s}`) }))} chosen={list('stage')} error={errorOf('stage')} />
      <Checkboxes lang={lang} name="status" legend={tList(lang, 'pipeline.list.filter.status')} values={STATUSES.map((s) => ({ value: s, label: t(lang, `pipeline.status.${s}`) }))} chosen={list('status')} error={errorOf('status')} />
      {districts.length > 0 && (
        <Select lang={lang} name="district" label={tList(lang, 'pipeline.list.filter.district')} value={one('district')} options={districts.filter((d) => (DISTRICT_IDS as readonly string[]).includes(d.id)).map((d) => ({ value: d.id, label: d.name }))} error={errorOf('district')} />
      )}
      <Select lang={lang} name="industry" label={tList(lang, 'pipeline.list.filter.industry')} value={one('industry')} options={industries.map((i) => ({ value: i.id, label: i.name }))} error={errorOf('industry')} />
      <Select lang={lang} name="kind" label={tList(lang, 'pipeline.list.filter.kind')} value={one('kind')} options={PROJECT_KINDS.map((k) => ({ value: k, label: t(lang, `pipeline.kind.${k}`) }))} error={errorOf('kind')} />
      <Select lang={lang} name="source" label={tList(lang, 'pipeline.list.filter.source')} value={one('source')} options={SOURCE_KINDS.map((k) => ({ value: k, label: t(lang, `pipeline.source.${k}`) }))} error={errorOf('source')} />
      <FieldShell lang={lang} name="origin" label={tList(lang, 'pipeline.list.filter.origin')} hint={tList(lang, 'pipeline.list.filter.origin.hint')} error={errorOf('origin')}>
        <input id="filter-origin" name="origin" type="text" size={4} maxLength={10} autocomplete="off" value={one('origin') ?? ''} aria-invalid={errorOf('origin') ? 'true' : undefined} aria-describedby={describedBy('origin', true, errorOf('origin'))} />
      </FieldShell>
      <Select
        lang={lang}
        name="opportunity"
        label={tList(lang, 'pipeline.list.filter.opportunity')}
        value={one('opportunity')}
        options={[{ value: 'yes', label: tList(lang, 'pipeline.list.filter.yes') }, { value: 'no', label: tList(lang, 'pipeline.list.filter.no') }]}
        error={errorOf('opportunity')}
      />
      <FieldShell lang={lang} name="year" label={tList(lang, 'pipeline.list.filter.year')} error={errorOf('year')}>
        <input id="filter-year" name="year" type="text" inputMode="numeric" size={6} maxLength={4} value={one('year') ?? ''} aria-invalid={errorOf('year') ? 'true' : undefined} aria-describedby={describedBy('year', false, errorOf('year'))} />
      </FieldShell>
      {/* The inputs' own ids (filter-mine, filter-overdue) are what the error summary links to. */}
      <div class="pipeline-filters__ticks">
        <Tick name="mine" label={tList(lang, 'pipeline.list.filter.mine')} checked={one('mine') === 'yes'} />
        <Tick name="overdue" label={tList(lang, 'pipeline.list.filter.overdue')} checked={one('overdue') === 'yes'} />
        {errorOf('mine') && <p class="field__error">{errorOf('mine')}</p>}
        {errorOf('overdue') && <p class="field__error">{errorOf('overdue')}</p>}
      </div>
      {withSort ? (
        <Select lang={lang} name="sort" label={tList(lang, 'pipeline.list.sort')} value={one('sort') ?? 'updated'} options={LIST_SORTS.map((s) => ({ value: s, label: tList(lang, `pipeline.list.sort.${s}`) }))} error={errorOf('sort')} any={false} />
      ) : (
        one('sort') && <input type="hidden" name="sort" value={one('sort')} />
      )}
      {errorOf('page') && (
        <p class="field__error" id="filter-page">
          {errorOf('page')}
        </p>
      )}
      <div class="filter-form__actions">
        <button type="submit" class="button">
          {tList(lang, 'pipeline.list.filter.apply')}
        </button>{' '}
        <a href={clear}>{tList(lang, 'pipeline.list.filter.clear')}</a>
      </div>
    </form>
  );
}
