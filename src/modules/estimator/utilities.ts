/**
 * Water, gas and heating, priced from the rows for the location's rate zone (six urban districts or other).
 * Electricity has its own file: its tariff depends on the kind of user, and staff apartments on tiers.
 */
import type { Bilingual, Cost } from '../content/index.js';
import type { EstimateRequest } from './estimate.schemas.js';
import type { Component } from './estimate.types.js';
import { multiplyToYuan, sumYuan } from './money.js';
import { bi, costItem, monthlyComponent, numberIn, sourceOf, tariffRow, type PricingContext, type Priced } from './tables.js';
import { rowKey } from '../content/index.js';

type Heating = NonNullable<EstimateRequest['heating']>;
type Gas = NonNullable<EstimateRequest['gas']>;

/** Running water at the non-resident price: the only water price a business pays that the guide prints. */
export function priceWater(ctx: PricingContext, qty: number): Priced {
  const item = costItem(ctx.store, 'water');
  const { table, row } = tariffRow(item, rowKey.water(ctx.zone));
  const price = numberIn(row, 'water_price');
  const { monthsText: m, zoneLabel } = ctx;
  const component = monthlyComponent(ctx, {
    key: 'water', name: bi('Water (non-resident, running water)', '水费（非居民自来水）'), qty, price, unit: 'yuan/m³',
    formula: `${qty} m³/month × ${price} yuan/m³ × ${ctx.months} months`,
    formulaText: bi(`${qty} m³ per month × ${price} yuan per m³ × ${m.en}`, `每月${qty}立方米 × 每立方米${price}元 × ${m.zh}`),
    source: sourceOf(item, table, bi(`Non-resident · ${zoneLabel.en} · Running water`, `非居民 · ${zoneLabel.zh} · 自来水`)),
  });
  return { components: [component], notes: [], excludes: [] };
}

/** Gas for industry and commerce; the table prints two periods' prices and the request says which one applies. */
export function priceGas(ctx: PricingContext, gas: Gas): Priced {
  const item = costItem(ctx.store, 'gas');
  const { table, row } = tariffRow(item, rowKey.gas(ctx.zone));
  const column = gas.period === 'from_2025-03-16' ? 'price_from_2025_03_16' : 'price_2024_11_15_to_2025_03_15';
  const price = numberIn(row, column);
  // The column header is the period's name ("From 16 March 2025"), shown in the source.
  const periodLabel = table.columns.find((c) => c.key === column)!;
  const { monthsText: m, zoneLabel } = ctx;
  const qty = gas.m3_per_month;
  const component = monthlyComponent(ctx, {
    key: 'gas', name: bi('Gas (industry and commerce)', '燃气费（工商业）'), qty, price, unit: 'yuan/m³',
    formula: `${qty} m³/month × ${price} yuan/m³ × ${ctx.months} months`,
    formulaText: bi(`${qty} m³ per month × ${price} yuan per m³ × ${m.en}`, `每月${qty}立方米 × 每立方米${price}元 × ${m.zh}`),
    source: sourceOf(item, table, bi(`Industry and commerce · ${zoneLabel.en} · ${periodLabel.en}`, `工商业 · ${zoneLabel.zh} · ${periodLabel.zh}`)),
  });
  return { components: [component], notes: [], excludes: [] };
}

/** The heating tables print one column per rate zone. */
const heatColumn = (ctx: PricingContext) => (ctx.zone === 'six_urban' ? 'six_urban_districts' : 'other_districts');
const seasonsText = (seasons: number) => bi(`${seasons} heating season${seasons === 1 ? '' : 's'}`, `${seasons}个采暖季`);

/** Heating charged by floor area: one price per m² per heating season. */
function heatingByArea(ctx: PricingContext, item: Cost, heating: Heating): Component {
  const { table, row } = tariffRow(item, rowKey.heatingByArea);
  const price = numberIn(row, heatColumn(ctx));
  const { area_m2: area, seasons } = heating;
  const s = seasonsText(seasons);
  return {
    key: 'heating', name: bi('Heating (charged by area)', '供热费（按面积计费）'),
    amount_cny: multiplyToYuan(area, price, seasons), per_month_cny: null, period: { unit: 'seasons', count: seasons },
    formula: `${area} m² × ${price} yuan/m² per heating season × ${seasons} season(s)`,
    formula_text: bi(`${area} m² × ${price} yuan per m² per heating season × ${s.en}`, `${area}平方米 × 每采暖季每平方米${price}元 × ${s.zh}`),
    rate: `${price}`, unit: 'yuan/m²/season',
    ...sourceOf(item, table, bi(`Charged by area · ${ctx.zoneLabel.en}`, `按面积计费 · ${ctx.zoneLabel.zh}`)),
  };
}

/** Heat metering: a basic price per m² (heating-prices table) plus the metered heat per kWh (heating-metered-prices). */
function heatingMetered(ctx: PricingContext, item: Cost, heating: Heating): Component {
  const basic = numberIn(tariffRow(item, rowKey.basicHeatPrice).row, heatColumn(ctx));
  const metered = tariffRow(item, rowKey.meteredHeat(ctx.zone));
  const perKwh = numberIn(metered.row, 'price_per_kwh');
  const { area_m2: area, seasons } = heating;
  const kwh = heating.kwh_per_season!;
  const s = seasonsText(seasons);
  return {
    key: 'heating', name: bi('Heating (heat metering: basic + metered)', '供热费（按热计量：基本热价＋计量热价）'),
    amount_cny: sumYuan([multiplyToYuan(area, basic, seasons), multiplyToYuan(kwh, perKwh, seasons)]), per_month_cny: null, period: { unit: 'seasons', count: seasons },
    formula: `(${area} m² × ${basic} yuan/m² + ${kwh} kWh × ${perKwh} yuan/kWh) × ${seasons} season(s)`,
    formula_text: bi(`(${area} m² × ${basic} yuan per m² + ${kwh} kWh × ${perKwh} yuan per kWh) per heating season × ${s.en}`, `每采暖季（${area}平方米 × 每平方米${basic}元 + ${kwh}千瓦时 × 每千瓦时${perKwh}元）× ${s.zh}`),
    rate: `${basic} + ${perKwh}`, unit: 'yuan/m² + yuan/kWh',
    ...sourceOf(item, metered.table, bi(`Basic heat price + metered heat price · ${ctx.zoneLabel.en}`, `基本热价＋计量热价 · ${ctx.zoneLabel.zh}`)),
  };
}

/** Heating is billed per heating season, so it is counted in seasons whatever the estimate's months. */
export function priceHeating(ctx: PricingContext, heating: Heating): Priced {
  const item = costItem(ctx.store, 'heating');
  const component = heating.method === 'area' ? heatingByArea(ctx, item, heating) : heatingMetered(ctx, item, heating);
  const notes: Bilingual[] = [];
  if (ctx.months !== 12 || heating.seasons !== 1) {
    const s = seasonsText(heating.seasons);
    notes.push(bi(`Heating is charged per heating season, not per month: the estimate counts ${s.en}, whatever the number of months.`, `供热按采暖季收费，不按月收费：本测算计${s.zh}，与月数无关。`));
  }
  return { components: [component], notes, excludes: [] };
}
