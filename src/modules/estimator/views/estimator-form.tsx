/** The estimator's GET form: locations to compare, then the quantities to price. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { urls } from '../../../platform/http/urls.js';
import type { ContentStore } from '../../content/index.js';
import { locationOptions, type EstimatorInput } from '../estimator.form.js';
import { SelectField, type Option } from '../../../platform/views/forms.js';

type Name = keyof EstimatorInput;

function NumberField({ name, label, hint, input, invalid }: { name: Name; label: string; hint?: string; input: EstimatorInput; invalid: string[] }) {
  return (
    <div class={`field${invalid.includes(name) ? ' field--error' : ''}`}>
      <label for={name}>{label}</label>
      {hint && <span class="hint" id={`${name}-hint`}>{hint}</span>}
      <input id={name} name={name} inputMode="decimal" value={input[name] ?? ''} aria-describedby={hint ? `${name}-hint` : undefined} aria-invalid={invalid.includes(name) ? 'true' : undefined} />
    </div>
  );
}

function Select({ name, label, options, input }: { name: Name; label: string; options: Option[]; input: EstimatorInput }) {
  return <SelectField name={name} label={label} options={options} selected={input[name] ?? ''} />;
}

export function EstimatorForm({ lang, store, input, invalid }: { lang: Lang; store: ContentStore; input: EstimatorInput; invalid: string[] }) {
  const locations = locationOptions(store, lang);
  const none = { value: '', label: t(lang, 'estimator.noLocation') };
  return (
    <form class="estimator-form" method="get" action={urls.estimator(lang)}>
      <fieldset>
        <legend>{t(lang, 'estimator.locations')}</legend>
        <div class="form-grid">
          <Select name="location1" label={t(lang, 'estimator.location1')} options={locations} input={input} />
          <Select name="location2" label={t(lang, 'estimator.location2')} options={[none, ...locations]} input={input} />
          <Select name="location3" label={t(lang, 'estimator.location3')} options={[none, ...locations]} input={input} />
          <NumberField name="months" label={t(lang, 'estimator.months')} input={input} invalid={invalid} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'estimator.quantities')}</legend>
        <div class="form-grid">
          <NumberField name="office_area" label={t(lang, 'estimator.officeArea')} input={input} invalid={invalid} />
          <NumberField name="water" label={t(lang, 'estimator.water')} input={input} invalid={invalid} />
          <NumberField name="electricity_kwh" label={t(lang, 'estimator.electricity')} input={input} invalid={invalid} />
          <Select name="electricity_category" label={t(lang, 'estimator.electricityCategory')} input={input} options={[{ value: 'general_commercial', label: t(lang, 'estimator.generalCommercial') }, { value: 'non_residential_at_residential_price', label: t(lang, 'estimator.atResidential') }]} />
          <Select name="voltage" label={t(lang, 'estimator.voltage')} input={input} options={[{ value: 'below_1kv', label: t(lang, 'estimator.below1kv') }, { value: '1kv_and_above', label: t(lang, 'estimator.above1kv') }]} />
          <NumberField name="gas" label={t(lang, 'estimator.gas')} input={input} invalid={invalid} />
          <Select name="gas_period" label={t(lang, 'estimator.gasPeriod')} input={input} options={[{ value: 'from_2025-03-16', label: t(lang, 'estimator.gasNew') }, { value: '2024-11-15_2025-03-15', label: t(lang, 'estimator.gasOld') }]} />
          <Select name="heating_method" label={t(lang, 'estimator.heatingMethod')} input={input} options={[{ value: 'area', label: t(lang, 'estimator.heatingArea') }, { value: 'metered', label: t(lang, 'estimator.heatingMetered') }]} />
          <NumberField name="heating_area" label={t(lang, 'estimator.heatingAreaM2')} input={input} invalid={invalid} />
          <NumberField name="heating_kwh" label={t(lang, 'estimator.heatingKwh')} input={input} invalid={invalid} />
          <NumberField name="apartments" label={t(lang, 'estimator.apartments')} hint={t(lang, 'estimator.apartmentsHint')} input={input} invalid={invalid} />
          <NumberField name="apartment_kwh" label={t(lang, 'estimator.apartmentKwh')} input={input} invalid={invalid} />
          <NumberField name="staff" label={t(lang, 'estimator.staff')} input={input} invalid={invalid} />
          <NumberField name="salary" label={t(lang, 'estimator.salary')} input={input} invalid={invalid} />
        </div>
      </fieldset>
      <button type="submit" class="button">
        {t(lang, 'estimator.submit')}
      </button>
    </form>
  );
}
