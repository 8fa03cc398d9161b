/**
 * The cost estimate for one location, priced from the guide's tables (content/costs). Each component shows its
 * formula, rate and source row. Ranges (employment injury insurance) stay out of `total` and go into `total_range`;
 * where the guide gives no price for the case asked, the estimate says so instead of inventing one.
 *
 * This file only composes: each cost is priced in its own file (rent, utilities, electricity, social insurance),
 * from table rows found by key (tariff-rows.ts).
 */
import type { Bilingual, ContentStore } from '../content/index.js';
import { priceElectricity, priceStaffApartments } from './electricity.js';
import type { EstimateRequest } from './estimate.schemas.js';
import type { Component, Estimate, RentRow, SocialInsurance } from './estimate.types.js';
import { sumYuan } from './money.js';
import { priceOfficeRent } from './rent.js';
import { priceSocialInsurance } from './social-insurance.js';
import { bi, monthsText, type PricingContext, type Priced } from './tables.js';
import { priceGas, priceHeating, priceWater } from './utilities.js';

export { EstimateInputError } from './estimate.types.js';
export type { Component, Estimate, RentRow, SocialInsurance, SocialInsuranceLine } from './estimate.types.js';

const ZONE_LABEL = { six_urban: { en: 'Six urban districts', zh: '城六区' }, other: { en: 'Other districts', zh: '其他区' } } as const;

/** What the form left empty and what the guide does not price are never in the total: said on every estimate. */
const NOT_PRICED = bi('Anything the form leaves empty, and costs the guide does not price (property management, fit-out, taxes and fees)', '表单中未填写的项目，以及指南未列价格的费用（物业管理、装修、税费等）');

function periodLabel(months: number): Bilingual {
  if (months === 12) return bi('for 12 months (one year)', '12个月（一年）');
  if (months % 12 === 0) return bi(`for ${months} months (${months / 12} years)`, `${months}个月（${months / 12}年）`);
  const m = monthsText(months);
  return bi(`for ${m.en}`, m.zh);
}

/** A priced component as the total's "includes" list names it; heating says its seasons, as it is not by the month. */
function includedName(c: Component): Bilingual {
  if (c.period.unit !== 'seasons') return c.name;
  const n = c.period.count;
  return bi(`${c.name.en} (for ${n} heating season${n === 1 ? '' : 's'})`, `${c.name.zh}（${n}个采暖季）`);
}

/** The total counts priced amounts only; the range adds each component's range (employment injury insurance). */
function totals(components: Component[]): Pick<Estimate, 'total' | 'total_range'> {
  const total = sumYuan(components.map((c) => c.amount_cny ?? 0));
  const ranges = components.flatMap((c) => (c.amount_range_cny ? [c.amount_range_cny] : []));
  return {
    total,
    total_range: { min: sumYuan([total, ...ranges.map((r) => r.min)]), max: sumYuan([total, ...ranges.map((r) => r.max)]) },
  };
}

/** Each cost the request asks for, priced in the order the estimate shows them. */
function priceAll(ctx: PricingContext, request: EstimateRequest): { parts: Priced[]; rentRow: RentRow | null; socialInsurance: SocialInsurance | null } {
  const parts: Priced[] = [];
  let rentRow: RentRow | null = null;
  let socialInsurance: SocialInsurance | null = null;
  if (request.office) {
    const rent = priceOfficeRent(ctx, request.office);
    rentRow = rent.rentRow;
    parts.push(rent);
  }
  if (request.water_m3_per_month) parts.push(priceWater(ctx, request.water_m3_per_month));
  if (request.electricity) parts.push(priceElectricity(ctx, request.electricity));
  if (request.staff_apartments) parts.push(priceStaffApartments(ctx, request.staff_apartments));
  if (request.gas) parts.push(priceGas(ctx, request.gas));
  if (request.heating) parts.push(priceHeating(ctx, request.heating));
  if (request.staff) {
    const insurance = priceSocialInsurance(ctx, request.staff);
    socialInsurance = insurance.socialInsurance;
    parts.push(insurance);
  }
  return { parts, rentRow, socialInsurance };
}

export function estimateCosts(store: ContentStore, request: EstimateRequest): Estimate {
  const district = store.get('districts', request.district)!;
  const zoneLabel = ZONE_LABEL[district.rate_zone];
  const ctx: PricingContext = { store, district, zone: district.rate_zone, zoneLabel, months: request.months, monthsText: monthsText(request.months) };
  const { parts, rentRow, socialInsurance } = priceAll(ctx, request);
  const components = parts.flatMap((p) => p.components);
  // The zone note comes first: every utility price below depends on it.
  const zoneNote = bi(`${district.en.name} is priced with the tables’ “${zoneLabel.en}” rows.`, `${district.zh.name}按价格表“${zoneLabel.zh}”一栏计价。`);
  return {
    location: { district: district.id, rate_zone: district.rate_zone, rate_zone_label: zoneLabel, business_district: rentRow?.area.en ?? null, rent_row: rentRow },
    months: request.months,
    period_label: periodLabel(request.months),
    components,
    ...totals(components),
    total_includes: components.filter((c) => c.amount_cny !== null).map(includedName),
    total_excludes: [...parts.flatMap((p) => p.excludes), NOT_PRICED],
    social_insurance: socialInsurance,
    notes: [zoneNote, ...parts.flatMap((p) => p.notes)],
  };
}
