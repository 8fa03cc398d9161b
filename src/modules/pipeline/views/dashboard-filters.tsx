/**
 * The dashboard's GET form: created in a year or a period, district, industry, kind. Each control is labelled, keeps
 * what was sent and shows its own error; the error summary's links lead to the controls by their names' ids.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { describedBy, Field } from '../../../platform/views/forms.js';
import type { FieldError } from '../../../platform/views/forms.js';
import type { DashboardQuery } from '../dashboard.form.js';
import { t } from '../messages.js';
import { tDashboard } from '../messages.dashboard.js';
import { PROJECT_KINDS } from '../stage-rules.js';

export interface Named {
  id: string;
  name: string;
}

export interface DashboardFiltersProps {
  lang: Lang;
  input: DashboardQuery['input'];
  errors: FieldError[];
  industries: Named[];
  /** Empty for a district officer: their scope is one district. */
  districts: Named[];
}

export function DashboardFilters({ lang, input, errors, industries, districts }: DashboardFiltersProps) {
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const invalid = (name: string) => (errorOf(name) ? 'true' : undefined);
  const d = (key: Parameters<typeof tDashboard>[1]) => tDashboard(lang, key);
  const select = (name: 'district' | 'industry' | 'kind', options: Named[]) => (
    <Field lang={lang} name={name} label={d(`pipeline.dashboard.filter.${name}`)} error={errorOf(name)}>
      <select id={name} name={name} aria-describedby={describedBy(name, false, errorOf(name))} aria-invalid={invalid(name)}>
        <option value="">{d('pipeline.dashboard.filter.any')}</option>
        {options.map((o) => (
          <option value={o.id} selected={input[name] === o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </Field>
  );
  const date = (name: 'from' | 'to') => (
    <Field lang={lang} name={name} label={d(`pipeline.dashboard.filter.${name}`)} hint={d('pipeline.dashboard.filter.dateHint')} error={errorOf(name)}>
      <input id={name} name={name} type="date" value={input[name] ?? ''} aria-describedby={describedBy(name, true, errorOf(name))} aria-invalid={invalid(name)} />
    </Field>
  );
  return (
    <form class="dashboard-filters" method="get" action={urls.staffProjectsDashboard(lang)}>
      <fieldset>
        <legend>{d('pipeline.dashboard.filter.legend')}</legend>
        <div class="form-grid">
          <Field lang={lang} name="year" label={d('pipeline.dashboard.filter.year')} hint={d('pipeline.dashboard.filter.year.hint')} error={errorOf('year')}>
            <input id="year" name="year" type="text" inputMode="numeric" autoComplete="off" size={6} value={input.year ?? ''} aria-describedby={describedBy('year', true, errorOf('year'))} aria-invalid={invalid('year')} />
          </Field>
          {date('from')}
          {date('to')}
          {districts.length > 0 && select('district', districts)}
          {select('industry', industries)}
          {select('kind', PROJECT_KINDS.map((kind) => ({ id: kind, name: t(lang, `pipeline.kind.${kind}`) })))}
        </div>
      </fieldset>
      <p class="dashboard-filters__actions">
        <button type="submit" class="button">
          {d('pipeline.dashboard.filter.apply')}
        </button>{' '}
        <a href={urls.staffProjectsDashboard(lang)}>{d('pipeline.dashboard.filter.clear')}</a>
      </p>
    </form>
  );
}
