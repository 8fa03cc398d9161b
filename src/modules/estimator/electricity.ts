/**
 * Electricity. The guide prints residential tariffs and the price for non-residential users eligible for it, but no
 * general industrial and commercial price: that case is said, not priced. Staff apartments are households on the
 * tiered residential tariff.
 */
import type { Bilingual, ContentTable, Cost } from '../content/index.js';
import type { EstimateRequest } from './estimate.schemas.js';
import type { Component } from './estimate.types.js';
import { scaled, sumOfProductsToYuan } from './money.js';
import { bi, cell, costItem, monthlyComponent, numberIn, sourceOf, tariffRow, type PricingContext, type Priced, type Row } from './tables.js';
import { RESIDENTIAL_TIERS, rowKey } from '../content/index.js';

type Electricity = NonNullable<EstimateRequest['electricity']>;
type Apartments = NonNullable<EstimateRequest['staff_apartments']>;

/** No price to give: the component stays, with no amount, so the page and the total say what is missing. */
function generalCommercial(ctx: PricingContext, item: Cost): Priced {
  const table = item.tables[0];
  const component: Component = {
    key: 'electricity', name: bi('Electricity (general industrial and commercial)', '电费（一般工商业）'), amount_cny: null, per_month_cny: null, period: { unit: 'months', count: ctx.months },
    formula: '—', formula_text: bi('—', '—'), rate: '—', unit: 'yuan/kWh',
    source: { document: item.sources[0].document, section: item.sources[0].section, table: table.en.caption, row: 'none' },
    source_text: bi(`${table.en.caption}: no row for this tariff`, `${table.zh.caption}：无此类电价`),
  };
  return {
    components: [component],
    notes: [bi(
      'The guide gives no general industrial and commercial electricity price — only residential tiers and the price for non-residential users eligible for residential prices — so electricity is not priced. Ask the power supplier for the applicable tariff.',
      '指南未列出一般工商业电价，仅有居民阶梯电价和执行居民电价的非居民用户电价，因此未计算电费。请向供电企业咨询适用电价。',
    )],
    excludes: [bi('Electricity at the general industrial and commercial tariff (the guide gives no price)', '一般工商业电费（指南未列出电价）')],
  };
}

export function priceElectricity(ctx: PricingContext, electricity: Electricity): Priced {
  const item = costItem(ctx.store, 'electricity');
  if (electricity.category === 'general_commercial') return generalCommercial(ctx, item);
  const { table, row } = tariffRow(item, rowKey.nonResidentialElectricity(electricity.voltage));
  const price = numberIn(row, 'price');
  const kwh = electricity.kwh_per_month;
  const v = cell(row.voltage);
  const m = ctx.monthsText;
  const component = monthlyComponent(ctx, {
    key: 'electricity', name: bi('Electricity (non-residential user at residential price)', '电费（执行居民电价的非居民用户）'), qty: kwh, price, unit: 'yuan/kWh',
    formula: `${kwh} kWh/month × ${price} yuan/kWh × ${ctx.months} months`,
    formulaText: bi(`${kwh} kWh per month × ${price} yuan per kWh × ${m.en}`, `每月${kwh}千瓦时 × 每千瓦时${price}元 × ${m.zh}`),
    source: sourceOf(item, table, bi(`Non-residential users eligible for residential prices · ${v.en}`, `执行居民电价的非居民用户 · ${v.zh}`)),
  });
  return { components: [component], notes: [], excludes: [] };
}

interface TierPart { kwh: number; price: number; grade: Bilingual }

/**
 * One household's monthly kWh split over the tiers, lowest first: each tier takes what lies between the previous
 * bound and its own (`tier_upper_kwh`; the last tier has none and takes the rest).
 */
export function splitIntoTiers(tiers: { row: Row; upTo: number; price: number }[], kwh: number): TierPart[] {
  const parts: TierPart[] = [];
  let from = 0;
  for (const tier of tiers) {
    const to = Math.min(kwh, tier.upTo);
    // kWh are exact decimals: the bound is subtracted on scaled integers (an integer / 10^6 prints exactly).
    if (to > from) parts.push({ kwh: Number(scaled(to) - scaled(from)) / 1e6, price: tier.price, grade: cell(tier.row.type) });
    if (kwh <= tier.upTo) break;
    from = tier.upTo;
  }
  return parts;
}

/** Staff apartments' electricity: each apartment's tiered monthly bill × apartments × months. */
function apartmentsComponent(ctx: PricingContext, item: Cost, table: ContentTable, parts: TierPart[], count: number, voltage: Bilingual): Component {
  const m = ctx.monthsText;
  return {
    key: 'staff_apartment_electricity', name: bi('Staff apartments: electricity (tiered residential tariff)', '员工公寓电费（居民阶梯电价）'),
    amount_cny: sumOfProductsToYuan(parts.map((p) => [p.kwh, p.price, count, ctx.months])),
    per_month_cny: sumOfProductsToYuan(parts.map((p) => [p.kwh, p.price, count])),
    period: { unit: 'months', count: ctx.months },
    formula: `(${parts.map((p) => `${p.kwh} kWh × ${p.price}`).join(' + ')}) yuan per apartment per month × ${count} apartments × ${ctx.months} months`,
    formula_text: bi(
      `(${parts.map((p) => `${p.kwh} kWh × ${p.price} yuan`).join(' + ')}) per apartment per month × ${count} apartment${count === 1 ? '' : 's'} × ${m.en}`,
      `每套每月（${parts.map((p) => `${p.kwh}千瓦时 × ${p.price}元`).join(' + ')}）× ${count}套 × ${m.zh}`,
    ),
    rate: parts.map((p) => `${p.price}`).join(' / '), unit: 'yuan/kWh',
    ...sourceOf(item, table, bi(`Users eligible for tiered electricity prices · ${parts.map((p) => p.grade.en).join(', ')} · ${voltage.en}`, `执行居民阶梯电价的用户 · ${parts.map((p) => p.grade.zh).join('、')} · ${voltage.zh}`)),
  };
}

export function priceStaffApartments(ctx: PricingContext, apartments: Apartments): Priced {
  const item = costItem(ctx.store, 'electricity');
  const found = RESIDENTIAL_TIERS.map((tier) => tariffRow(item, rowKey.residentialTier(tier, apartments.voltage)));
  const tiers = found.map(({ row }) => ({ row, price: numberIn(row, 'price'), upTo: typeof row.tier_upper_kwh === 'number' ? row.tier_upper_kwh : Infinity }));
  const parts = splitIntoTiers(tiers, apartments.kwh_per_month);
  const component = apartmentsComponent(ctx, item, found[0].table, parts, apartments.count, cell(found[0].row.voltage));
  // Said because a business might expect a commercial tariff for the housing it provides.
  const note = bi(
    'Staff apartments are priced as households on the tiered residential tariff (per apartment per month: up to 240 kWh at the Grade I price, 241–400 kWh at Grade II, above 400 kWh at Grade III), not at a commercial tariff.',
    '员工公寓按居民阶梯电价计价（每套每月：240千瓦时以内按第一档，241—400千瓦时按第二档，400千瓦时以上按第三档），不按商业电价计价。',
  );
  return { components: [component], notes: [note], excludes: [] };
}
