/**
 * How the estimator reads the guide's cost tables, and what every pricing step shares. Rows are found by the keys
 * in their hidden `key` column (see tariff-rows.ts), never by their labels; labels are only shown.
 */
import type { Bilingual, ContentStore, ContentTable, Cost, District } from '../content/index.js';
import type { Component } from './estimate.types.js';
import { multiplyToYuan } from './money.js';

export type Row = ContentTable['rows'][number];

/** The location and period every pricing step needs. */
export interface PricingContext {
  store: ContentStore;
  district: District;
  zone: District['rate_zone'];
  /** The tables' name for the zone ("Six urban districts"), shown in sources and notes. */
  zoneLabel: Bilingual;
  months: number;
  /** "12 months" / "12个月", for formulas. */
  monthsText: Bilingual;
}

/** What one pricing step adds to the estimate, in the order it is shown. */
export interface Priced {
  components: Component[];
  notes: Bilingual[];
  excludes: Bilingual[];
}

export const bi = (en: string, zh: string): Bilingual => ({ en, zh });

/** A cell as text in one language (bilingual cells are objects; numbers and plain strings are the same in both). */
export const text = (value: unknown, lang: 'en' | 'zh' = 'en') => (value && typeof value === 'object' ? (value as Bilingual)[lang] : String(value ?? ''));

/** A cell in both languages. */
export const cell = (value: unknown): Bilingual => (value && typeof value === 'object' ? (value as Bilingual) : bi(String(value ?? ''), String(value ?? '')));

export const monthsText = (months: number) => bi(`${months} month${months === 1 ? '' : 's'}`, `${months}个月`);

export function costItem(store: ContentStore, type: Cost['cost_type']): Cost {
  const found = store.costs.find((c) => c.cost_type === type);
  if (!found) throw new Error(`Cost table "${type}" is missing from the content`);
  return found;
}

/**
 * The row with this key in any of the item's tables, and the table it is in (whose caption names the source). The
 * content check guarantees the keys the estimator uses, so a miss here is a programming error, not bad content.
 */
export function tariffRow(item: Cost, key: string): { table: ContentTable; row: Row } {
  for (const table of item.tables) {
    const row = table.rows.find((r) => r.key === key);
    if (row) return { table, row };
  }
  throw new Error(`No row with key "${key}" in cost item ${item.id}`);
}

/** A price or rate cell; the content check guarantees a number in every cell the estimator reads from a keyed row. */
export function numberIn(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw new Error(`Row "${text(row.key)}" has no number in column ${column}`);
  return value;
}

/** Where a component's price comes from: the item's source document and the table row, in both languages. */
export function sourceOf(item: Cost, table: ContentTable, row: Bilingual): Pick<Component, 'source' | 'source_text'> {
  return {
    source: { document: item.sources[0].document, section: item.sources[0].section, table: table.en.caption, row: row.en },
    source_text: { en: `${table.en.caption}, row “${row.en}”`, zh: `${table.zh.caption}“${row.zh}”行` },
  };
}

/** The parts of a component priced as quantity × rate per month × months (office rent, water, gas, electricity). */
export interface MonthlyPrice {
  key: string;
  name: Bilingual;
  qty: number;
  price: number;
  unit: string;
  formula: string;
  formulaText: Bilingual;
  source: Pick<Component, 'source' | 'source_text'>;
}

/** Every cost that accrues by the month is priced and shown alike: the period's amount and one month's. */
export function monthlyComponent(ctx: PricingContext, p: MonthlyPrice): Component {
  return {
    key: p.key, name: p.name,
    amount_cny: multiplyToYuan(p.qty, p.price, ctx.months), per_month_cny: multiplyToYuan(p.qty, p.price), period: { unit: 'months', count: ctx.months },
    formula: p.formula, formula_text: p.formulaText,
    rate: `${p.price}`, unit: p.unit,
    ...p.source,
  };
}
