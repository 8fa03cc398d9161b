/**
 * The estimator page's GET form ↔ estimate requests. Up to three locations share the same quantities, so they can
 * be compared side by side; a location is "district" or "district|business district".
 */
import type { z } from 'zod';
import { t, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import type { ContentStore } from '../content/index.js';
import { estimateRequestSchema, type EstimateRequest } from './estimate.schemas.js';
import { type Query, queryText } from '../../platform/http/query.js';

export const FORM_FIELDS = ['months', 'office_area', 'water', 'electricity_kwh', 'electricity_category', 'voltage', 'gas', 'gas_period', 'heating_method', 'heating_area', 'heating_kwh', 'apartments', 'apartment_kwh', 'staff', 'salary'] as const;


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

export function parseEstimatorForm(query: Query, store: ContentStore, lang: Lang): { requests: { location: string; request: EstimateRequest }[]; errors: FieldError[]; submitted: boolean } {
  const locations = ['location1', 'location2', 'location3'].map((k) => queryText(query, k)).filter(Boolean);
  const submitted = locations.length > 0;
  if (!submitted) return { requests: [], errors: [], submitted };
  const num = (key: string) => (queryText(query, key) === '' ? undefined : queryText(query, key));
  const errors: FieldError[] = [];
  const requests: { location: string; request: EstimateRequest }[] = [];
  for (const location of locations) {
    const [district, businessDistrict] = location.split('|');
    const raw = {
      district,
      months: num('months') ?? 12,
      office: num('office_area') ? { area_m2: num('office_area'), business_district: businessDistrict || undefined } : undefined,
      water_m3_per_month: num('water'),
      electricity: num('electricity_kwh') ? { kwh_per_month: num('electricity_kwh'), category: queryText(query, 'electricity_category') || undefined, voltage: queryText(query, 'voltage') || undefined } : undefined,
      gas: num('gas') ? { m3_per_month: num('gas'), period: queryText(query, 'gas_period') || undefined } : undefined,
      heating: num('heating_area') ? { method: queryText(query, 'heating_method') || 'area', area_m2: num('heating_area'), kwh_per_season: num('heating_kwh') } : undefined,
      staff_apartments: num('apartments') || num('apartment_kwh') ? { count: num('apartments'), kwh_per_month: num('apartment_kwh') } : undefined,
      staff: num('staff') || num('salary') ? { count: num('staff'), monthly_salary_cny: num('salary') } : undefined,
    };
    const parsed = estimateRequestSchema.safeParse(JSON.parse(JSON.stringify(raw)));
    if (parsed.success) requests.push({ location, request: parsed.data });
    else for (const issue of parsed.error.issues) errors.push(fieldError(issue, lang));
    if (!store.get('districts', district)) errors.push({ field: 'location1', message: t(lang, 'estimator.error.location') });
  }
  const unique = new Map(errors.map((e) => [e.field, e]));
  return { requests: unique.size ? [] : requests, errors: [...unique.values()], submitted };
}

const FIELD_OF: Record<string, string> = {
  months: 'months', 'office.area_m2': 'office_area', water_m3_per_month: 'water', 'electricity.kwh_per_month': 'electricity_kwh',
  'gas.m3_per_month': 'gas', 'heating.area_m2': 'heating_area', 'heating.kwh_per_season': 'heating_kwh', 'staff.count': 'staff',
  'staff.monthly_salary_cny': 'salary', 'staff_apartments.count': 'apartments', 'staff_apartments.kwh_per_month': 'apartment_kwh', district: 'location1',
};

function fieldError(issue: z.core.$ZodIssue, lang: Lang): FieldError {
  const path = issue.path.join('.');
  const field = FIELD_OF[path] ?? 'location1';
  return { field, message: t(lang, `estimator.error.${field}`) };
}
