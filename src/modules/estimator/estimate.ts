/**
 * The cost estimate for one location, priced from the guide's tables (content/costs). Each component shows its
 * formula, rate and source row. Ranges (employment injury insurance) stay out of `total` and go into `total_range`;
 * where the guide gives no price for the case asked, the estimate says so instead of inventing one.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { Bilingual, ContentStore, ContentTable, Cost } from '../content/index.js';
import type { EstimateRequest } from './estimate.schemas.js';
import { multiplyToYuan, percent, scaled, sumOfProductsToYuan, sumYuan } from './money.js';

export interface Component {
  key: string;
  name: Bilingual;
  /** For the whole period (`months`; heating: the heating seasons asked). */
  amount_cny: number | null;
  amount_range_cny?: { min: number; max: number };
  /** The same cost for one month, where it accrues by the month (null for heating, which is priced per season). */
  per_month_cny: number | null;
  /** What the amount covers: "months" (the estimate's months) or "seasons" (heating seasons). */
  period: { unit: 'months' | 'seasons'; count: number };
  /** The formula in English (kept for API clients); `formula_text` has it in both languages. */
  formula: string;
  formula_text: Bilingual;
  rate: string;
  unit: string;
  source: { document: string; section: string; table: string; row: string };
  /** Table caption and row in each language, for pages. */
  source_text: Bilingual;
}

export interface SocialInsuranceLine {
  key: string;
  name: Bilingual;
  employer_rate: string;
  employee_rate: Bilingual;
  employer_cny: number | null;
  employer_range_cny?: { min: number; max: number };
  employee_cny: number;
  /** Employer + employee share remitted for this item (range for employment injury insurance). */
  remitted_cny: number | null;
  remitted_range_cny?: { min: number; max: number };
}

/** Both shares of social insurance: what the employer pays on top of salaries and what it withholds from them. */
export interface SocialInsurance {
  staff: number;
  monthly_salary_cny: number;
  months: number;
  lines: SocialInsuranceLine[];
  /** Sums without employment injury insurance (a range); `*_range_cny` include it. */
  employer_cny: number;
  employee_cny: number;
  remitted_cny: number;
  employer_range_cny: { min: number; max: number };
  remitted_range_cny: { min: number; max: number };
  per_employee_per_month: { employer_cny: number; employee_cny: number; remitted_cny: number };
}

/** The rent-table row the office rent was priced from, and why that row. */
export interface RentRow {
  area: Bilingual;
  effective_rent: number;
  why: 'chosen' | 'only_row_in_district' | 'others_row';
}

export interface Estimate {
  location: { district: string; rate_zone: 'six_urban' | 'other'; rate_zone_label: Bilingual; business_district: string | null; rent_row: RentRow | null };
  months: number;
  /** "for 12 months (one year)" / "为期12个月（一年）". */
  period_label: Bilingual;
  components: Component[];
  /** The employer's costs for the period: every priced component, ranges left out. */
  total: number;
  total_range: { min: number; max: number };
  total_includes: Bilingual[];
  total_excludes: Bilingual[];
  social_insurance: SocialInsurance | null;
  notes: Bilingual[];
}

export class EstimateInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

const ZONE_LABEL = { six_urban: { en: 'Six urban districts', zh: '城六区' }, other: { en: 'Other districts', zh: '其他区' } } as const;

function cost(store: ContentStore, type: Cost['cost_type']): Cost {
  const found = store.costs.find((c) => c.cost_type === type);
  if (!found) throw new Error(`Cost table "${type}" is missing from the content`);
  return found;
}

const text = (cell: unknown, lang: Lang = 'en') => (cell && typeof cell === 'object' ? (cell as Bilingual)[lang] : String(cell ?? ''));

function findRow(table: ContentTable, match: (row: ContentTable['rows'][number]) => boolean, what: string) {
  const row = table.rows.find(match);
  if (!row) throw new Error(`No row for ${what} in table ${table.id}`);
  return row;
}

function sourceOf(item: Cost, table: ContentTable, row: Bilingual) {
  return {
    source: { document: item.sources[0].document, section: item.sources[0].section, table: table.en.caption, row: row.en },
    source_text: { en: `${table.en.caption}, row “${row.en}”`, zh: `${table.zh.caption}“${row.zh}”行` },
  };
}

const bi = (en: string, zh: string): Bilingual => ({ en, zh });
const cell = (value: unknown): Bilingual => (value && typeof value === 'object' ? (value as Bilingual) : bi(String(value ?? ''), String(value ?? '')));
const monthsText = (months: number) => bi(`${months} month${months === 1 ? '' : 's'}`, `${months}个月`);
const isOthers = (area: string) => area.replace(/\*$/, '').trim().toLowerCase() === 'others';
/** Rows that are one place (not the table's "Overall …" averages). */
const isPlaceRow = (row: ContentTable['rows'][number]) => !/^Overall /.test(text(row.area));

/** Employee rate as printed, e.g. "8%", "2%+3 yuan" → percent and fixed yuan per employee per month; "N/A" → none. */
function employeeShare(printed: string): { percent: number; fixed: number } | null {
  const match = /^\s*(\d+(?:\.\d+)?)%\s*(?:\+\s*(\d+(?:\.\d+)?)\s*yuan)?\s*$/.exec(printed);
  return match ? { percent: Number(match[1]), fixed: Number(match[2] ?? 0) } : null;
}

/** The rent-table row for an office in a district: the business district asked for, the district's only row, or "Others". */
function rentRow(table: ContentTable, district: { id: string; en: { name: string }; zh: { name: string } }, asked: string | undefined) {
  const rows = table.rows.filter(isPlaceRow);
  const inDistrict = rows.filter((r) => String(r.district_ids ?? '').split(/\s+/).includes(district.id));
  const others = findRow(table, (r) => isOthers(text(r.area)), 'Others');
  if (asked) {
    if (isOthers(asked)) return { row: others, why: 'others_row' as const };
    const row = inDistrict.find((r) => text(r.area).toLowerCase() === asked.trim().toLowerCase());
    if (!row) {
      const known = [...inDistrict.map((r) => text(r.area)), 'Others'].join(', ');
      throw new EstimateInputError('office.business_district', `"${asked}" is not a business district of ${district.en.name} in the rent table. Choose one of: ${known}.`);
    }
    return { row, why: 'chosen' as const };
  }
  if (inDistrict.length === 1) return { row: inDistrict[0], why: 'only_row_in_district' as const };
  if (inDistrict.length > 1) {
    throw new EstimateInputError('office.business_district', `${district.en.name} has several business districts in the rent table; choose one of: ${[...inDistrict.map((r) => text(r.area)), 'Others'].join(', ')}.`);
  }
  return { row: others, why: 'others_row' as const };
}

export function estimateCosts(store: ContentStore, request: EstimateRequest): Estimate {
  const district = store.get('districts', request.district)!;
  const zone = district.rate_zone;
  const zoneLabel = ZONE_LABEL[zone];
  const months = request.months;
  const m = monthsText(months);
  const components: Component[] = [];
  const notes: Bilingual[] = [
    { en: `${district.en.name} is priced with the tables’ “${zoneLabel.en}” rows.`, zh: `${district.zh.name}按价格表“${zoneLabel.zh}”一栏计价。` },
  ];
  const includes: Bilingual[] = [];
  const excludes: Bilingual[] = [];
  let businessDistrict: string | null = null;
  let rentRowUsed: RentRow | null = null;
  let socialInsurance: SocialInsurance | null = null;

  if (request.office) {
    const item = cost(store, 'office_rent');
    const table = item.tables[0];
    const { row, why } = rentRow(table, district, request.office.business_district);
    const area = cell(row.area);
    const rent = row.effective_rent as number;
    const period = cell(item.period ?? '');
    businessDistrict = area.en;
    rentRowUsed = { area, effective_rent: rent, why };
    const size = request.office.area_m2;
    components.push({
      key: 'office_rent', name: bi('Office rent', '写字楼租金'),
      amount_cny: multiplyToYuan(size, rent, months), per_month_cny: multiplyToYuan(size, rent), period: { unit: 'months', count: months },
      formula: `${size} m² × ${rent} yuan/m²/month × ${months} months`,
      formula_text: bi(`${size} m² × ${rent} yuan per m² per month × ${m.en}`, `${size}平方米 × 每月每平方米${rent}元 × ${m.zh}`),
      rate: `${rent}`, unit: 'yuan/m²/month',
      ...sourceOf(item, table, bi(`${area.en} (Grade A effective rent, ${period.en})`, `${area.zh}（甲级写字楼有效租金，${period.zh}）`)),
    });
    const used = bi(`Office rent is priced from the rent table’s row “${area.en}”: ${rent} yuan per m² per month (Grade A effective rent, ${period.en}).`, `写字楼租金按租金表“${area.zh}”一行计价：每月每平方米${rent}元（甲级写字楼有效租金，${period.zh}）。`);
    if (why === 'only_row_in_district') {
      notes.push(bi(`${used.en} It is the only business district the table lists in ${district.en.name}.`, `${used.zh}该行是租金表在${district.zh.name}列出的唯一商圈。`));
    } else if (why === 'others_row') {
      notes.push(bi(`${used.en} “Others” are the areas outside the listed business districts.`, `${used.zh}“其他”指所列商圈以外的区域。`));
    } else {
      notes.push(used);
    }
    if (district.id === 'daxing' || district.id === 'tongzhou') {
      notes.push(bi('A site in Yizhuang (the Beijing Economic-Technological Development Area) has its own row: choose “Beijing Economic-Technological Development Area · Yizhuang Development Zone”.', '位于亦庄（北京经济技术开发区）的场地有单独一行租金：请选择“北京经济技术开发区 · 亦庄开发区”。'));
    }
  }

  if (request.water_m3_per_month) {
    const item = cost(store, 'water');
    const table = item.tables[0];
    const row = findRow(table, (r) => text(r.user_type) === 'Non-resident' && text(r.area) === zoneLabel.en && text(r.supply_type) === 'Running water', 'non-resident running water');
    const price = row.water_price as number;
    const qty = request.water_m3_per_month;
    components.push({
      key: 'water', name: bi('Water (non-resident, running water)', '水费（非居民自来水）'),
      amount_cny: multiplyToYuan(qty, price, months), per_month_cny: multiplyToYuan(qty, price), period: { unit: 'months', count: months },
      formula: `${qty} m³/month × ${price} yuan/m³ × ${months} months`,
      formula_text: bi(`${qty} m³ per month × ${price} yuan per m³ × ${m.en}`, `每月${qty}立方米 × 每立方米${price}元 × ${m.zh}`),
      rate: `${price}`, unit: 'yuan/m³',
      ...sourceOf(item, table, bi(`Non-resident · ${zoneLabel.en} · Running water`, `非居民 · ${zoneLabel.zh} · 自来水`)),
    });
  }

  if (request.electricity) {
    const item = cost(store, 'electricity');
    const table = item.tables[0];
    if (request.electricity.category === 'general_commercial') {
      components.push({
        key: 'electricity', name: bi('Electricity (general industrial and commercial)', '电费（一般工商业）'), amount_cny: null, per_month_cny: null, period: { unit: 'months', count: months },
        formula: '—', formula_text: bi('—', '—'), rate: '—', unit: 'yuan/kWh',
        source: { document: item.sources[0].document, section: item.sources[0].section, table: table.en.caption, row: 'none' },
        source_text: bi(`${table.en.caption}: no row for this tariff`, `${table.zh.caption}：无此类电价`),
      });
      notes.push({
        en: 'The guide gives no general industrial and commercial electricity price — only residential tiers and the price for non-residential users eligible for residential prices — so electricity is not priced. Ask the power supplier for the applicable tariff.',
        zh: '指南未列出一般工商业电价，仅有居民阶梯电价和执行居民电价的非居民用户电价，因此未计算电费。请向供电企业咨询适用电价。',
      });
      excludes.push(bi('Electricity at the general industrial and commercial tariff (the guide gives no price)', '一般工商业电费（指南未列出电价）'));
    } else {
      const voltage = request.electricity.voltage === 'below_1kv' ? 'Less than 1 kV' : '1 kV and higher';
      const row = findRow(table, (r) => text(r.user).startsWith('Non-residential users eligible') && text(r.voltage) === voltage, 'non-residential at residential price');
      const price = row.price as number;
      const kwh = request.electricity.kwh_per_month;
      const v = cell(row.voltage);
      components.push({
        key: 'electricity', name: bi('Electricity (non-residential user at residential price)', '电费（执行居民电价的非居民用户）'),
        amount_cny: multiplyToYuan(kwh, price, months), per_month_cny: multiplyToYuan(kwh, price), period: { unit: 'months', count: months },
        formula: `${kwh} kWh/month × ${price} yuan/kWh × ${months} months`,
        formula_text: bi(`${kwh} kWh per month × ${price} yuan per kWh × ${m.en}`, `每月${kwh}千瓦时 × 每千瓦时${price}元 × ${m.zh}`),
        rate: `${price}`, unit: 'yuan/kWh',
        ...sourceOf(item, table, bi(`Non-residential users eligible for residential prices · ${v.en}`, `执行居民电价的非居民用户 · ${v.zh}`)),
      });
    }
  }

  if (request.staff_apartments) {
    const item = cost(store, 'electricity');
    const table = item.tables[0];
    const { count, kwh_per_month: kwh, voltage } = request.staff_apartments;
    const voltageEn = voltage === 'below_1kv' ? 'Less than 1 kV' : '1 kV and higher';
    // The residential tiers, in order: each row's tier text gives its upper bound per household per month ("1-240 (inclusive)").
    const tiers = table.rows
      .filter((r) => text(r.user).startsWith('Users eligible') && text(r.voltage) === voltageEn)
      .map((r) => ({ row: r, upTo: /-(\d+)/.exec(text(r.tier))?.[1], price: r.price as number }));
    if (tiers.length === 0) throw new Error(`No residential tiers in table ${table.id}`);
    const parts: { kwh: number; price: number; grade: Bilingual }[] = [];
    let from = 0;
    for (const tier of tiers) {
      const to = tier.upTo === undefined ? Infinity : Number(tier.upTo);
      const inTier = Math.min(kwh, to) - from;
      // kWh are exact decimals: the whole tier bound is subtracted on scaled integers (an integer / 10^6 prints exactly).
      if (inTier > 0) parts.push({ kwh: Number(scaled(Math.min(kwh, to)) - BigInt(from) * 1_000_000n) / 1e6, price: tier.price, grade: cell(tier.row.type) });
      if (kwh <= to) break;
      from = to;
    }
    const v = cell(tiers[0].row.voltage);
    components.push({
      key: 'staff_apartment_electricity', name: bi('Staff apartments: electricity (tiered residential tariff)', '员工公寓电费（居民阶梯电价）'),
      amount_cny: sumOfProductsToYuan(parts.map((p) => [p.kwh, p.price, count, months])),
      per_month_cny: sumOfProductsToYuan(parts.map((p) => [p.kwh, p.price, count])),
      period: { unit: 'months', count: months },
      formula: `(${parts.map((p) => `${p.kwh} kWh × ${p.price}`).join(' + ')}) yuan per apartment per month × ${count} apartments × ${months} months`,
      formula_text: bi(
        `(${parts.map((p) => `${p.kwh} kWh × ${p.price} yuan`).join(' + ')}) per apartment per month × ${count} apartment${count === 1 ? '' : 's'} × ${m.en}`,
        `每套每月（${parts.map((p) => `${p.kwh}千瓦时 × ${p.price}元`).join(' + ')}）× ${count}套 × ${m.zh}`,
      ),
      rate: parts.map((p) => `${p.price}`).join(' / '), unit: 'yuan/kWh',
      ...sourceOf(item, table, bi(`Users eligible for tiered electricity prices · ${parts.map((p) => p.grade.en).join(', ')} · ${v.en}`, `执行居民阶梯电价的用户 · ${parts.map((p) => p.grade.zh).join('、')} · ${v.zh}`)),
    });
    notes.push(bi(
      `Staff apartments are priced as households on the tiered residential tariff (per apartment per month: up to 240 kWh at the Grade I price, 241–400 kWh at Grade II, above 400 kWh at Grade III), not at a commercial tariff.`,
      '员工公寓按居民阶梯电价计价（每套每月：240千瓦时以内按第一档，241—400千瓦时按第二档，400千瓦时以上按第三档），不按商业电价计价。',
    ));
  }

  if (request.gas) {
    const item = cost(store, 'gas');
    const table = item.tables[0];
    const row = findRow(table, (r) => text(r.use_type) === 'Industry and commerce' && text(r.area) === zoneLabel.en, 'industry and commerce gas');
    const column = request.gas.period === 'from_2025-03-16' ? 'price_from_2025_03_16' : 'price_2024_11_15_to_2025_03_15';
    const price = row[column] as number;
    const periodLabel = table.columns.find((c) => c.key === column)!;
    const qty = request.gas.m3_per_month;
    components.push({
      key: 'gas', name: bi('Gas (industry and commerce)', '燃气费（工商业）'),
      amount_cny: multiplyToYuan(qty, price, months), per_month_cny: multiplyToYuan(qty, price), period: { unit: 'months', count: months },
      formula: `${qty} m³/month × ${price} yuan/m³ × ${months} months`,
      formula_text: bi(`${qty} m³ per month × ${price} yuan per m³ × ${m.en}`, `每月${qty}立方米 × 每立方米${price}元 × ${m.zh}`),
      rate: `${price}`, unit: 'yuan/m³',
      ...sourceOf(item, table, bi(`Industry and commerce · ${zoneLabel.en} · ${periodLabel.en}`, `工商业 · ${zoneLabel.zh} · ${periodLabel.zh}`)),
    });
  }

  if (request.heating) {
    const item = cost(store, 'heating');
    const [areaTable, meteredTable] = item.tables;
    const column = zone === 'six_urban' ? 'six_urban_districts' : 'other_districts';
    const { area_m2: area, seasons } = request.heating;
    const s = bi(`${seasons} heating season${seasons === 1 ? '' : 's'}`, `${seasons}个采暖季`);
    if (request.heating.method === 'area') {
      const row = findRow(areaTable, (r) => text(r.charging_method) === 'Charged by area', 'charged by area');
      const price = row[column] as number;
      components.push({
        key: 'heating', name: bi('Heating (charged by area)', '供热费（按面积计费）'),
        amount_cny: multiplyToYuan(area, price, seasons), per_month_cny: null, period: { unit: 'seasons', count: seasons },
        formula: `${area} m² × ${price} yuan/m² per heating season × ${seasons} season(s)`,
        formula_text: bi(`${area} m² × ${price} yuan per m² per heating season × ${s.en}`, `${area}平方米 × 每采暖季每平方米${price}元 × ${s.zh}`),
        rate: `${price}`, unit: 'yuan/m²/season',
        ...sourceOf(item, areaTable, bi(`Charged by area · ${zoneLabel.en}`, `按面积计费 · ${zoneLabel.zh}`)),
      });
    } else {
      const basicRow = findRow(areaTable, (r) => text(r.price_item) === 'Basic heat price', 'basic heat price');
      const meteredRow = findRow(meteredTable, (r) => text(r.area) === zoneLabel.en, 'metered heat price');
      const basic = basicRow[column] as number;
      const perKwh = meteredRow.price_per_kwh as number;
      const kwh = request.heating.kwh_per_season!;
      const amount = sumYuan([multiplyToYuan(area, basic, seasons), multiplyToYuan(kwh, perKwh, seasons)]);
      components.push({
        key: 'heating', name: bi('Heating (heat metering: basic + metered)', '供热费（按热计量：基本热价＋计量热价）'),
        amount_cny: amount, per_month_cny: null, period: { unit: 'seasons', count: seasons },
        formula: `(${area} m² × ${basic} yuan/m² + ${kwh} kWh × ${perKwh} yuan/kWh) × ${seasons} season(s)`,
        formula_text: bi(`(${area} m² × ${basic} yuan per m² + ${kwh} kWh × ${perKwh} yuan per kWh) per heating season × ${s.en}`, `每采暖季（${area}平方米 × 每平方米${basic}元 + ${kwh}千瓦时 × 每千瓦时${perKwh}元）× ${s.zh}`),
        rate: `${basic} + ${perKwh}`, unit: 'yuan/m² + yuan/kWh',
        ...sourceOf(item, meteredTable, bi(`Basic heat price + metered heat price · ${zoneLabel.en}`, `基本热价＋计量热价 · ${zoneLabel.zh}`)),
      });
    }
    if (months !== 12 || seasons !== 1) {
      notes.push(bi(`Heating is charged per heating season, not per month: the estimate counts ${s.en}, whatever the number of months.`, `供热按采暖季收费，不按月收费：本测算计${s.zh}，与月数无关。`));
    }
  }

  if (request.staff) {
    const item = cost(store, 'social_insurance');
    const table = item.tables[0];
    const { count, monthly_salary_cny: salary } = request.staff;
    const lines: SocialInsuranceLine[] = [];
    const staffText = bi(`${count} employee${count === 1 ? '' : 's'}`, `${count}人`);
    for (const [key, itemName] of [
      ['pension', 'Basic endowment insurance'],
      ['unemployment', 'Unemployment insurance'],
      ['medical', 'Basic medical insurance (including maternity insurance)'],
    ] as const) {
      const row = findRow(table, (r) => text(r.item) === itemName, itemName);
      const name = cell(row.item);
      const rate = row.employer_rate_percent as number;
      const employer = multiplyToYuan(salary, count, percent(rate), months);
      components.push({
        key: `social_insurance_${key}`, name: bi(`Employer social insurance: ${name.en.toLowerCase()}`, `单位缴纳社会保险：${name.zh}`),
        amount_cny: employer, per_month_cny: multiplyToYuan(salary, count, percent(rate)), period: { unit: 'months', count: months },
        formula: `${salary} yuan × ${count} staff × ${rate}% × ${months} months`,
        formula_text: bi(`${salary} yuan salary base per month × ${staffText.en} × ${rate}% × ${m.en}`, `每月缴费基数${salary}元 × ${staffText.zh} × ${rate}% × ${m.zh}`),
        rate: `${rate}%`, unit: '% of salary base',
        ...sourceOf(item, table, name),
      });
      const share = employeeShare(text(row.employee));
      const employee = share ? sumOfProductsToYuan([[salary, count, percent(share.percent), months], [share.fixed, count, months]]) : 0;
      lines.push({ key, name, employer_rate: `${rate}%`, employee_rate: cell(row.employee), employer_cny: employer, employee_cny: employee, remitted_cny: sumYuan([employer, employee]) });
    }
    const injury = findRow(table, (r) => text(r.item) === 'Employment injury insurance', 'employment injury insurance');
    const min = injury.employer_rate_min as number;
    const max = injury.employer_rate_max as number;
    const injuryRange = { min: multiplyToYuan(salary, count, percent(min), months), max: multiplyToYuan(salary, count, percent(max), months) };
    components.push({
      key: 'social_insurance_injury', name: bi('Employer social insurance: employment injury insurance (range)', '单位缴纳社会保险：工伤保险（区间）'),
      amount_cny: null, amount_range_cny: injuryRange, per_month_cny: null, period: { unit: 'months', count: months },
      formula: `${salary} yuan × ${count} staff × ${min}%–${max}% × ${months} months`,
      formula_text: bi(`${salary} yuan salary base per month × ${staffText.en} × ${min}%–${max}% × ${m.en}`, `每月缴费基数${salary}元 × ${staffText.zh} × ${min}%—${max}% × ${m.zh}`),
      rate: `${min}%–${max}%`, unit: '% of total wages',
      ...sourceOf(item, table, cell(injury.item)),
    });
    lines.push({ key: 'injury', name: cell(injury.item), employer_rate: `${min}%–${max}%`, employee_rate: cell(injury.employee), employer_cny: null, employer_range_cny: injuryRange, employee_cny: 0, remitted_cny: null, remitted_range_cny: injuryRange });
    const employerTotal = sumYuan(lines.map((l) => l.employer_cny ?? 0));
    const employeeTotal = sumYuan(lines.map((l) => l.employee_cny));
    const remitted = sumYuan([employerTotal, employeeTotal]);
    // Per employee per month: the rates on one salary base, plus the fixed yuan of the employee's medical share.
    const perEmployer = sumOfProductsToYuan(lines.filter((l) => l.employer_cny !== null).map((l) => [salary, percent(Number(l.employer_rate.replace('%', '')))]));
    const perEmployee = sumOfProductsToYuan(lines.flatMap((l) => {
      const share = employeeShare(l.employee_rate.en);
      return share ? [[salary, percent(share.percent)], [share.fixed]] : [];
    }));
    socialInsurance = {
      staff: count, monthly_salary_cny: salary, months, lines,
      employer_cny: employerTotal, employee_cny: employeeTotal, remitted_cny: remitted,
      employer_range_cny: { min: sumYuan([employerTotal, injuryRange.min]), max: sumYuan([employerTotal, injuryRange.max]) },
      remitted_range_cny: { min: sumYuan([remitted, injuryRange.min]), max: sumYuan([remitted, injuryRange.max]) },
      per_employee_per_month: { employer_cny: perEmployer, employee_cny: perEmployee, remitted_cny: sumYuan([perEmployer, perEmployee]) },
    };
    notes.push({ en: `Employment injury insurance is ${min}%–${max}% depending on the employer’s type, so it is shown as a range and kept out of the total.`, zh: `工伤保险费率按用人单位类别在${min}%—${max}%之间确定，因此以区间列示，不计入合计。` });
    const wage = cost(store, 'minimum_wage');
    const minimum = findRow(wage.tables[0], (r) => text(r.employee_type) === 'Full-time employees', 'full-time minimum wage').amount as number;
    if (salary < minimum) {
      notes.push({ en: `The salary of ${salary} yuan a month is below Beijing’s minimum wage for full-time employees (${minimum} yuan a month).`, zh: `月工资${salary}元低于北京市全日制职工最低工资标准（每月${minimum}元）。` });
    }
    excludes.push(
      bi('The employees’ own social insurance share, withheld from their salaries (see “Social insurance: both shares”)', '员工个人缴纳的社会保险（从工资中代扣，见“社会保险：单位和个人缴纳部分”）'),
      bi('Employment injury insurance (a range by type of employer; added in “Total including ranges”)', '工伤保险（按单位类别确定的区间；计入“含区间项合计”）'),
      bi('Salaries themselves, and the housing provident fund (the guide gives no rate)', '工资本身及住房公积金（指南未给出缴存比例）'),
    );
  }

  for (const c of components) if (c.amount_cny !== null) includes.push(c.period.unit === 'seasons' ? bi(`${c.name.en} (for ${c.period.count} heating season${c.period.count === 1 ? '' : 's'})`, `${c.name.zh}（${c.period.count}个采暖季）`) : c.name);
  excludes.push(bi('Anything the form leaves empty, and costs the guide does not price (property management, fit-out, taxes and fees)', '表单中未填写的项目，以及指南未列价格的费用（物业管理、装修、税费等）'));

  const total = sumYuan(components.map((c) => c.amount_cny ?? 0));
  const ranges = components.filter((c) => c.amount_range_cny);
  const totalRange = {
    min: sumYuan([total, ...ranges.map((c) => c.amount_range_cny!.min)]),
    max: sumYuan([total, ...ranges.map((c) => c.amount_range_cny!.max)]),
  };
  return {
    location: { district: district.id, rate_zone: zone, rate_zone_label: zoneLabel, business_district: businessDistrict, rent_row: rentRowUsed },
    months,
    period_label: months === 12 ? bi('for 12 months (one year)', '12个月（一年）') : months % 12 === 0 ? bi(`for ${months} months (${months / 12} years)`, `${months}个月（${months / 12}年）`) : bi(`for ${m.en}`, m.zh),
    components,
    total,
    total_range: totalRange,
    total_includes: includes,
    total_excludes: excludes,
    social_insurance: socialInsurance,
    notes,
  };
}
