/**
 * The estimator page's GET form ↔ estimate requests. Up to three locations share the same quantities, so they can
 * be compared side by side; a location is "district" or "district|business district".
 */
import { z } from 'zod';
import { choice, decimal, integer, parseForm, text, type FormInput, type RawForm, type FormRule } from '../../platform/http/form.js';
import type { KeyOf, KeySuffix, Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { FieldError } from '../../platform/views/forms.js';
import { DISTRICT_IDS, type ContentStore } from '../content/index.js';
import { ELECTRICITY_CATEGORIES, ESTIMATE_LIMITS as L, estimateRequestSchema, GAS_PERIODS, HEATING_METHODS, VOLTAGES, type EstimateRequest } from './estimate.schemas.js';

/** The field's own message (estimator.error.<field>): it says what to enter, and what it goes with. */
const own = (field: KeySuffix<typeof t, 'estimator.error.'>) => ({ message: (lang: Lang) => t(lang, `estimator.error.${field}`) });
const labelled = (key: KeyOf<typeof t>) => ({ label: (lang: Lang) => t(lang, key) });

/** The form; the bounds are the request's (ESTIMATE_LIMITS), so a valid form always makes a valid request. */
export const estimatorForm = z.object({
  location1: text(),
  location2: text(),
  location3: text(),
  months: integer(L.months, own('months')),
  office_area: decimal({ positive: true, max: L.office_area_m2 }, own('office_area')),
  water: decimal({ positive: true, max: L.water_m3_per_month }, own('water')),
  electricity_kwh: decimal({ positive: true, max: L.electricity_kwh_per_month }, own('electricity_kwh')),
  electricity_category: choice(ELECTRICITY_CATEGORIES, labelled('estimator.electricityCategory')),
  voltage: choice(VOLTAGES, labelled('estimator.voltage')),
  gas: decimal({ positive: true, max: L.gas_m3_per_month }, own('gas')),
  gas_period: choice(GAS_PERIODS, labelled('estimator.gasPeriod')),
  heating_method: choice(HEATING_METHODS, labelled('estimator.heatingMethod')),
  heating_area: decimal({ positive: true, max: L.heating_area_m2 }, own('heating_area')),
  heating_kwh: decimal({ positive: true, max: L.heating_kwh_per_season }, own('heating_kwh')),
  apartments: integer({ min: 1, max: L.staff_apartments }, own('apartments')),
  apartment_kwh: decimal({ positive: true, max: L.apartment_kwh_per_month }, own('apartment_kwh')),
  staff: integer({ min: 1, max: L.staff }, own('staff')),
  salary: decimal({ positive: true, max: L.monthly_salary_cny }, own('salary')),
});

type EstimatorForm = z.output<typeof estimatorForm>;
export type EstimatorInput = FormInput<EstimatorForm>;
const LOCATIONS = ['location1', 'location2', 'location3'] as const;


/**
 * The locations a visitor can choose: each district; where the rent table lists business districts in it, each of
 * them and "elsewhere in the district" (the table's "Others" row). The BDA is the Yizhuang Development Zone: one row.
 */
export function locationOptions(store: ContentStore, lang: Lang): { value: string; label: string }[] {
  const rents = store.costs.find((c) => c.cost_type === 'office_rent')?.tables[0];
  return store.districts.flatMap((d) => {
    const areas = (rents?.rows ?? []).filter((r) => String(r.district_ids ?? '').split(/\s+/).includes(d.id));
    const label = d[lang].name;
    if (areas.length === 0) return [{ value: d.id, label }];
    const own = areas.map((r) => {
      const area = r.area as { en: string; zh: string };
      return { value: `${d.id}|${area.en}`, label: `${label} · ${area[lang]}` };
    });
    return d.id === 'bda' ? own : [...own, { value: `${d.id}|Others`, label: t(lang, 'estimator.elsewhere', { district: label }) }];
  });
}

/**
 * Rules between fields: a location is a district (and a business district of its rent table); quantities that go in
 * pairs need both (staff and salary, apartments and their electricity); metered heating needs the metered heat.
 */
function estimatorRules(store: ContentStore): FormRule<EstimatorForm> {
  return ({ input, valid }) => {
    const broken: ReturnType<FormRule<EstimatorForm>> = [];
    for (const field of LOCATIONS) {
      const [district, businessDistrict = ''] = (input[field] ?? '').split('|');
      // The business district is read only to price an office (its row of the rent table).
      const tooLong = input.office_area !== undefined && businessDistrict.length > L.business_district_chars;
      const known = (DISTRICT_IDS as readonly string[]).includes(district) && store.get('districts', district) !== undefined && !tooLong;
      if (input[field] && !known) broken.push({ field, ...own('location') });
    }
    const pairs = [['apartments', 'apartment_kwh'], ['staff', 'salary']] as const;
    for (const pair of pairs) {
      if (pair.some((f) => input[f] !== undefined)) broken.push(...pair.filter((f) => input[f] === undefined).map((field) => ({ field, ...own(field) })));
    }
    if (valid.heating_area !== undefined && valid.heating_method === 'metered' && input.heating_kwh === undefined) broken.push({ field: 'heating_kwh', ...own('heating_kwh') });
    return broken;
  };
}

export interface EstimatorFormResult {
  requests: { location: string; request: EstimateRequest }[];
  errors: FieldError[];
  submitted: boolean;
  /** The answers as given, to show the form again. */
  input: EstimatorInput;
}

/** The form read: one request per chosen location, all with the same quantities; nothing is checked until one is. */
export function parseEstimatorForm(query: RawForm, store: ContentStore, lang: Lang): EstimatorFormResult {
  const form = parseForm(estimatorForm, query, lang, estimatorRules(store));
  const locations = LOCATIONS.flatMap((field) => form.input[field] ?? []);
  const submitted = locations.length > 0;
  if (!submitted || !form.value) return { requests: [], errors: submitted ? form.errors : [], submitted, input: form.input };
  const v = form.value;
  const requests = locations.map((location) => {
    const [district, businessDistrict] = location.split('|');
    const request = estimateRequestSchema.parse({
      district,
      months: v.months,
      office: v.office_area === undefined ? undefined : { area_m2: v.office_area, business_district: businessDistrict || undefined },
      water_m3_per_month: v.water,
      electricity: v.electricity_kwh === undefined ? undefined : { kwh_per_month: v.electricity_kwh, category: v.electricity_category, voltage: v.voltage },
      gas: v.gas === undefined ? undefined : { m3_per_month: v.gas, period: v.gas_period },
      heating: v.heating_area === undefined ? undefined : { method: v.heating_method ?? 'area', area_m2: v.heating_area, kwh_per_season: v.heating_kwh },
      staff_apartments: v.apartments === undefined ? undefined : { count: v.apartments, kwh_per_month: v.apartment_kwh },
      staff: v.staff === undefined ? undefined : { count: v.staff, monthly_salary_cny: v.salary },
    });
    return { location, request };
  });
  return { requests, errors: [], submitted, input: form.input };
}
