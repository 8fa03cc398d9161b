/**
 * Office rent: the rent table's row for the site (a business district of the district, or "Others" for anywhere
 * else) × floor area × months, with a note saying which row was used and why.
 */
import type { Bilingual, ContentTable, Cost, District } from '../content/index.js';
import type { EstimateRequest } from './estimate.schemas.js';
import { EstimateInputError, type RentRow } from './estimate.types.js';
import { bi, cell, costItem, monthlyComponent, numberIn, sourceOf, tariffRow, text, type PricingContext, type Priced, type Row } from './tables.js';
import { rowKey } from '../content/index.js';

type Office = NonNullable<EstimateRequest['office']>;
interface ChosenRent { table: ContentTable; row: Row; why: RentRow['why'] }

/** Visitors and API clients name the business district by the table's English area; "Others" (any case, "*" or not) is the rest. */
const isOthers = (area: string) => area.replace(/\*$/, '').trim().toLowerCase() === 'others';
/** The districts a rent row lies in, from its hidden `district_ids` column ("Others" and the "Overall …" averages list none). */
const districtsOf = (row: Row) => String(row.district_ids ?? '').split(/\s+/);

/** The rent-table row for an office in a district: the business district asked for, the district's only row, or "Others". */
export function chooseRentRow(item: Cost, district: District, asked: string | undefined): ChosenRent {
  const { table, row: others } = tariffRow(item, rowKey.otherRent);
  const inDistrict = table.rows.filter((r) => districtsOf(r).includes(district.id));
  const choices = () => [...inDistrict.map((r) => text(r.area)), 'Others'].join(', ');
  if (asked && isOthers(asked)) return { table, row: others, why: 'others_row' };
  if (asked) {
    const row = inDistrict.find((r) => text(r.area).toLowerCase() === asked.trim().toLowerCase());
    if (!row) throw new EstimateInputError('office.business_district', `"${asked}" is not a business district of ${district.en.name} in the rent table. Choose one of: ${choices()}.`);
    return { table, row, why: 'chosen' };
  }
  if (inDistrict.length === 1) return { table, row: inDistrict[0], why: 'only_row_in_district' };
  // Several business districts have different rents: guessing one would mislead, so the visitor is asked.
  if (inDistrict.length > 1) throw new EstimateInputError('office.business_district', `${district.en.name} has several business districts in the rent table; choose one of: ${choices()}.`);
  return { table, row: others, why: 'others_row' };
}

/** Which row priced the rent and why that one, so a visitor can check it against the table. */
function rentNotes(district: District, used: RentRow, period: Bilingual): Bilingual[] {
  const { area, effective_rent: rent } = used;
  const said = bi(
    `Office rent is priced from the rent table’s row “${area.en}”: ${rent} yuan per m² per month (Grade A effective rent, ${period.en}).`,
    `写字楼租金按租金表“${area.zh}”一行计价：每月每平方米${rent}元（甲级写字楼有效租金，${period.zh}）。`,
  );
  const reason = used.why === 'only_row_in_district'
    ? bi(`It is the only business district the table lists in ${district.en.name}.`, `该行是租金表在${district.zh.name}列出的唯一商圈。`)
    : used.why === 'others_row' ? bi('“Others” are the areas outside the listed business districts.', '“其他”指所列商圈以外的区域。') : null;
  const notes = [reason ? bi(`${said.en} ${reason.en}`, `${said.zh}${reason.zh}`) : said];
  // Yizhuang lies partly in Daxing and Tongzhou but is the BDA's row: a site there would otherwise get "Others".
  if (district.id === 'daxing' || district.id === 'tongzhou') {
    notes.push(bi('A site in Yizhuang (the Beijing Economic-Technological Development Area) has its own row: choose “Beijing Economic-Technological Development Area · Yizhuang Development Zone”.', '位于亦庄（北京经济技术开发区）的场地有单独一行租金：请选择“北京经济技术开发区 · 亦庄开发区”。'));
  }
  return notes;
}

export function priceOfficeRent(ctx: PricingContext, office: Office): Priced & { rentRow: RentRow } {
  const item = costItem(ctx.store, 'office_rent');
  const { table, row, why } = chooseRentRow(item, ctx.district, office.business_district);
  const area = cell(row.area);
  const rent = numberIn(row, 'effective_rent');
  const period = cell(item.period ?? '');
  const size = office.area_m2;
  const m = ctx.monthsText;
  const rentRow: RentRow = { area, effective_rent: rent, why };
  const component = monthlyComponent(ctx, {
    key: 'office_rent', name: bi('Office rent', '写字楼租金'), qty: size, price: rent, unit: 'yuan/m²/month',
    formula: `${size} m² × ${rent} yuan/m²/month × ${ctx.months} months`,
    formulaText: bi(`${size} m² × ${rent} yuan per m² per month × ${m.en}`, `${size}平方米 × 每月每平方米${rent}元 × ${m.zh}`),
    source: sourceOf(item, table, bi(`${area.en} (Grade A effective rent, ${period.en})`, `${area.zh}（甲级写字楼有效租金，${period.zh}）`)),
  });
  return { components: [component], notes: rentNotes(ctx.district, rentRow, period), excludes: [], rentRow };
}
