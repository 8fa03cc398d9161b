/** The dashboard's GET form: period (two Beijing dates) and filters; errors beside their fields, as in every form. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { describedBy, Field, type FieldError } from '../../../platform/views/forms.js';
import { CASE_KINDS } from '../../content/index.js';
import { t, tReports } from '../messages.js';
import type { ReportPeriod } from '../report-period.js';

export interface Named {
  id: string;
  name: string;
}

export interface DashboardFiltersProps {
  lang: Lang;
  input: Record<string, string | undefined>;
  errors: FieldError[];
  /** The period in force (shown when the form was sent without dates). */
  period: ReportPeriod;
  topics: Named[];
  /** Absent for a district officer: their scope is one district. */
  districts?: Named[];
}

export function DashboardFilters({ lang, input, errors, period, topics, districts }: DashboardFiltersProps) {
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const described = (name: string, hint = false) => describedBy(name, hint, errorOf(name));
  const invalid = (name: string) => (errorOf(name) ? 'true' : undefined);
  const select = (name: string, label: string, options: Named[]) => (
    <Field lang={lang} name={name} label={label} error={errorOf(name)}>
      <select id={name} name={name} aria-describedby={described(name)} aria-invalid={invalid(name)}>
        <option value="">{tReports(lang, 'dashboard.filter.any')}</option>
        {options.map((o) => (
          <option value={o.id} selected={input[name] === o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form class="dashboard-filters" method="get" action={urls.staffCasesDashboard(lang)}>
      <fieldset>
        <legend>{tReports(lang, 'dashboard.filter.legend')}</legend>
        <div class="form-grid">
          <Field lang={lang} name="from" label={tReports(lang, 'dashboard.filter.from')} hint={tReports(lang, 'dashboard.filter.dateHint')} error={errorOf('from')}>
            <input id="from" name="from" type="date" value={input.from ?? period.from} aria-describedby={described('from', true)} aria-invalid={invalid('from')} />
          </Field>
          <Field lang={lang} name="to" label={tReports(lang, 'dashboard.filter.to')} hint={tReports(lang, 'dashboard.filter.dateHint')} error={errorOf('to')}>
            <input id="to" name="to" type="date" value={input.to ?? period.to} aria-describedby={described('to', true)} aria-invalid={invalid('to')} />
          </Field>
          {districts && select('district', tReports(lang, 'dashboard.filter.district'), districts)}
          {select('topic', tReports(lang, 'dashboard.filter.topic'), topics)}
          {select('kind', tReports(lang, 'dashboard.filter.kind'), CASE_KINDS.map((kind) => ({ id: kind, name: t(lang, `service.kind.${kind}`) })))}
          {select('fie', tReports(lang, 'dashboard.filter.fie'), [
            { id: 'yes', name: tReports(lang, 'dashboard.filter.yes') },
            { id: 'no', name: tReports(lang, 'dashboard.filter.no') },
          ])}
        </div>
      </fieldset>
      <p class="dashboard-filters__actions">
        <button type="submit" class="button">
          {tReports(lang, 'dashboard.filter.submit')}
        </button>{' '}
        <a href={urls.staffCasesDashboard(lang)}>{tReports(lang, 'dashboard.filter.reset')}</a>
      </p>
    </form>
  );
}
