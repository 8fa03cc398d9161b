/** The estimator's GET form: locations to compare, then the quantities to price. */
import { t, type Lang } from '../../../platform/i18n/i18n.js';
import { urls } from '../../../platform/http/urls.js';
import type { ContentStore } from '../../content/index.js';
import { locationOptions } from '../estimator.form.js';
import { SelectField, type Option } from '../../../platform/views/forms.js';
import { type Query, queryText } from '../../../platform/http/query.js';


function NumberField({ name, label, hint, query, invalid }: { name: string; label: string; hint?: string; query: Query; invalid: string[] }) {
  return (
    <div class={`field${invalid.includes(name) ? ' field--error' : ''}`}>
      <label for={name}>{label}</label>
      {hint && <span class="hint" id={`${name}-hint`}>{hint}</span>}
      <input id={name} name={name} inputMode="decimal" value={queryText(query, name)} aria-describedby={hint ? `${name}-hint` : undefined} aria-invalid={invalid.includes(name) ? 'true' : undefined} />
    </div>
  );
}

function Select({ name, label, options, query }: { name: string; label: string; options: Option[]; query: Query }) {
  return <SelectField name={name} label={label} options={options} selected={queryText(query, name)} />;
}

export function EstimatorForm({ lang, store, query, invalid }: { lang: Lang; store: ContentStore; query: Query; invalid: string[] }) {
  const locations = locationOptions(store, lang);
  const none = { value: '', label: t(lang, 'estimator.noLocation') };
  return (
    <form class="estimator-form" method="get" action={urls.estimator(lang)}>
      <fieldset>
        <legend>{t(lang, 'estimator.locations')}</legend>
        <div class="form-grid">
          <Select name="location1" label={t(lang, 'estimator.location1')} options={locations} query={query} />
          <Select name="location2" label={t(lang, 'estimator.location2')} options={[none, ...locations]} query={query} />
          <Select name="location3" label={t(lang, 'estimator.location3')} options={[none, ...locations]} query={query} />
          <NumberField name="months" label={t(lang, 'estimator.months')} query={query} invalid={invalid} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'estimator.quantities')}</legend>
        <div class="form-grid">
          <NumberField name="office_area" label={t(lang, 'estimator.officeArea')} query={query} invalid={invalid} />
          <NumberField name="water" label={t(lang, 'estimator.water')} query={query} invalid={invalid} />
          <NumberField name="electricity_kwh" label={t(lang, 'estimator.electricity')} query={query} invalid={invalid} />
          <Select name="electricity_category" label={t(lang, 'estimator.electricityCategory')} query={query} options={[{ value: 'general_commercial', label: t(lang, 'estimator.generalCommercial') }, { value: 'non_residential_at_residential_price', label: t(lang, 'estimator.atResidential') }]} />
          <Select name="voltage" label={t(lang, 'estimator.voltage')} query={query} options={[{ value: 'below_1kv', label: t(lang, 'estimator.below1kv') }, { value: '1kv_and_above', label: t(lang, 'estimator.above1kv') }]} />
          <NumberField name="gas" label={t(lang, 'estimator.gas')} query={query} invalid={invalid} />
          <Select name="gas_period" label={t(lang, 'estimator.gasPeriod')} query={query} options={[{ value: 'from_2025-03-16', label: t(lang, 'estimator.gasNew') }, { value: '2024-11-15_2025-03-15', label: t(lang, 'estimator.gasOld') }]} />
          <Select name="heating_method" label={t(lang, 'estimator.heatingMethod')} query={query} options={[{ value: 'area', label: t(lang, 'estimator.heatingArea') }, { value: 'metered', label: t(lang, 'estimator.heatingMetered') }]} />
          <NumberField name="heating_area" label={t(lang, 'estimator.heatingAreaM2')} query={query} invalid={invalid} />
          <NumberField name="heating_kwh" label={t(lang, 'estimator.heatingKwh')} query={query} invalid={invalid} />
          <NumberField name="apartments" label={t(lang, 'estimator.apartments')} hint={t(lang, 'estimator.apartmentsHint')} query={query} invalid={invalid} />
          <NumberField name="apartment_kwh" label={t(lang, 'estimator.apartmentKwh')} query={query} invalid={invalid} />
          <NumberField name="staff" label={t(lang, 'estimator.staff')} query={query} invalid={invalid} />
          <NumberField name="salary" label={t(lang, 'estimator.salary')} query={query} invalid={invalid} />
        </div>
      </fieldset>
      <button type="submit" class="button">
        {t(lang, 'estimator.submit')}
      </button>
    </form>
  );
}
