/** The workbench's queues (each with its count) and its GET form of filters, search and sort. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import { CASE_KINDS } from '../../content/index.js';
import { CASE_SLA_STATES } from '../case-sla.js';
import { CASE_STATUSES } from '../case-states.js';
import { t } from '../messages.js';
import { filterQuery, SORTS, type Queue, type WorkbenchFilter } from '../workbench.form.js';
import { kindLabel, slaLabel, statusLabel } from './case-labels.js';

export interface Named {
  id: string;
  name: string;
}

export function QueueNav({ lang, filter, queues, counts }: { lang: Lang; filter: WorkbenchFilter; queues: Queue[]; counts: Record<Queue | 'all', number> }) {
  const item = (queue: Queue | undefined, label: string, count: number) => (
    <li>
      <a href={urls.staffCases(lang, filterQuery(filter, { queue, page: 1 }))} aria-current={filter.queue === queue ? 'page' : undefined}>
        {label} <span class="case-queues__count">{count}</span>
      </a>
    </li>
  );
  return (
    <nav class="case-queues" aria-label={t(lang, 'workbench.queues')}>
      <ul>
        {item(undefined, t(lang, 'workbench.queue.all'), counts.all)}
        {queues.map((q) => item(q, t(lang, `workbench.queue.${q}`), counts[q]))}
      </ul>
    </nav>
  );
}

function Select({ name, label, value, options, error }: { name: string; label: string; value: string | undefined; options: { value: string; label: string }[]; error?: string }) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} aria-invalid={error ? 'true' : undefined}>
        {options.map((o) => (
          <option value={o.value} selected={(value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function WorkbenchFilters({ lang, filter, input, errors, topics, districts }: { lang: Lang; filter: WorkbenchFilter; input: Record<string, string>; errors: FieldError[]; topics: Named[]; districts: Named[] }) {
  const any = { value: '', label: t(lang, 'workbench.filter.any') };
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const date = (name: 'from' | 'to') => (
    <div class={`field${errorOf(name) ? ' field--error' : ''}`}>
      <label for={`filter-${name}`}>{t(lang, `workbench.filter.${name}`)}</label>
      <input id={`filter-${name}`} name={name} type="date" value={input[name] ?? ''} aria-invalid={errorOf(name) ? 'true' : undefined} />
    </div>
  );
  return (
    <form method="get" action={urls.staffCases(lang)} class="filter-form case-filters" role="search" aria-label={t(lang, 'workbench.filter.title')}>
      {filter.queue && <input type="hidden" name="queue" value={filter.queue} />}
      <div class="field case-filters__search">
        <label for="filter-q">{t(lang, 'workbench.filter.q')}</label>
        <input id="filter-q" name="q" type="search" value={input.q ?? ''} maxLength={200} aria-describedby="filter-q-hint" />
        <p class="hint" id="filter-q-hint">
          {t(lang, 'workbench.filter.q.hint')}
        </p>
      </div>
      <Select name="kind" label={t(lang, 'workbench.filter.kind')} value={filter.kind} options={[any, ...CASE_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k) }))]} error={errorOf('kind')} />
      <Select name="topic" label={t(lang, 'workbench.filter.topic')} value={filter.topic} options={[any, ...topics.map((x) => ({ value: x.id, label: x.name }))]} error={errorOf('topic')} />
      <Select name="district" label={t(lang, 'workbench.filter.district')} value={filter.district} options={[any, ...districts.map((x) => ({ value: x.id, label: x.name }))]} error={errorOf('district')} />
      <Select name="status" label={t(lang, 'workbench.filter.status')} value={filter.status} options={[any, ...CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))]} error={errorOf('status')} />
      <Select name="sla" label={t(lang, 'workbench.filter.sla')} value={filter.sla} options={[any, ...CASE_SLA_STATES.map((s) => ({ value: s, label: slaLabel(lang, s) }))]} error={errorOf('sla')} />
      <Select
        name="fie"
        label={t(lang, 'workbench.filter.fie')}
        value={filter.fie === undefined ? '' : filter.fie ? 'yes' : 'no'}
        options={[any, { value: 'yes', label: t(lang, 'workbench.filter.fie.yes') }, { value: 'no', label: t(lang, 'workbench.filter.fie.no') }]}
        error={errorOf('fie')}
      />
      {date('from')}
      {date('to')}
      <Select name="sort" label={t(lang, 'workbench.sort')} value={filter.sort} options={SORTS.map((s) => ({ value: s, label: t(lang, `workbench.sort.${s}`) }))} error={errorOf('sort')} />
      <div class="filter-form__actions">
        <button type="submit" class="button">
          {t(lang, 'workbench.filter.apply')}
        </button>{' '}
        <a href={urls.staffCases(lang, filter.queue ? { queue: filter.queue } : undefined)}>{t(lang, 'workbench.filter.clear')}</a>
      </div>
    </form>
  );
}
