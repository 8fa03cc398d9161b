/**
 * The cost estimate for one location, priced from the guide's tables (content/costs). Each component shows its
 * formula, rate and source row. Ranges (employment injury insurance) stay out of `total` and go into `total_range`;
 * where the guide gives no price for the case asked, the estimate says so instead of inventing one.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { Bilingual, ContentStore, ContentTable, Cost } from '../content/index.js';
import type { EstimateRequest } from './estimate.schemas.js';
import { multiplyToYuan, percent, sumYuan } from './money.js';

export interface Component {
  key: string;
  name: Bilingual;
  amount_cny: number | null;
  amount_range_cny?: { min: number; max: number };
  formula: string;
  rate: string;
  unit: string;
  source: { document: string; section: string; table: string; row: string };
}

export interface Estimate {
  location: { district: string; rate_zone: 'six_urban' | 'other'; rate_zone_label: Bilingual; business_district: string | null };
  months: number;
  components: Component[];
  total: number;
  total_range: { min: number; max: number };
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

function sourceOf(item: Cost, table: ContentTable, rowLabel: string) {
  return { document: item.sources[0].document, section: item.sources[0].section, table: table.en.caption, row: rowLabel };
}

export function estimateCosts(store: ContentStore, request: EstimateRequest): Estimate {
  const district = store.get('districts', request.district)!;
  const zone = district.rate_zone;
  const zoneLabel = ZONE_LABEL[zone];
  const months = request.months;
  const components: Component[] = [];
  const notes: Bilingual[] = [
    { en: `${district.en.name} is priced with the tables' "${zoneLabel.en}" rows.`, zh: `${district.zh.name}按价格表“${zoneLabel.zh}”一栏计价。` },
  ];
  let businessDistrict: string | null = null;

  if (request.office) {
    const item = cost(store, 'office_rent');
    const table = item.tables[0];
    const inDistrict = table.rows.filter((r) => String(r.district_ids ?? '').split(/\s+/).includes(district.id));
    let row;
    if (request.office.business_district) {
      row = table.rows.find((r) => text(r.area).toLowerCase() === request.office!.business_district!.toLowerCase());
      if (!row) throw new EstimateInputError('office.business_district', `Unknown business district "${request.office.business_district}". Known: ${table.rows.map((r) => text(r.area)).join(', ')}.`);
    } else if (inDistrict.length === 1) {
      row = inDistrict[0];
    } else if (inDistrict.length > 1) {
      throw new EstimateInputError('office.business_district', `${district.en.name} has several business districts in the rent table; choose one of: ${inDistrict.map((r) => text(r.area)).join(', ')}.`);
    } else {
      row = findRow(table, (r) => text(r.area).startsWith('Others'), 'Others');
      notes.push({ en: `The rent table names no business district in ${district.en.name}; the "Others" rent (areas outside the listed business circles) is used.`, zh: `租金表未列出${district.zh.name}的商圈，采用“其他”（所列商圈以外区域）租金。` });
    }
    businessDistrict = text(row.area);
    const rent = row.effective_rent as number;
    components.push({
      key: 'office_rent', name: { en: 'Office rent', zh: '写字楼租金' },
      amount_cny: multiplyToYuan(request.office.area_m2, rent, months),
      formula: `${request.office.area_m2} m² × ${rent} yuan/m²/month × ${months} months`,
      rate: `${rent}`, unit: 'yuan/m²/month', source: sourceOf(item, table, `${businessDistrict} (Grade A effective rent, ${item.period?.en ?? ''})`),
    });
  }

  if (request.water_m3_per_month) {
    const item = cost(store, 'water');
    const table = item.tables[0];
    const row = findRow(table, (r) => text(r.user_type) === 'Non-resident' && text(r.area) === zoneLabel.en && text(r.supply_type) === 'Running water', 'non-resident running water');
    const price = row.water_price as number;
    components.push({
      key: 'water', name: { en: 'Water (non-resident, running water)', zh: '水费（非居民自来水）' },
      amount_cny: multiplyToYuan(request.water_m3_per_month, price, months),
      formula: `${request.water_m3_per_month} m³/month × ${price} yuan/m³ × ${months} months`,
      rate: `${price}`, unit: 'yuan/m³', source: sourceOf(item, table, `Non-resident · ${zoneLabel.en} · Running water`),
    });
  }

  if (request.electricity) {
    const item = cost(store, 'electricity');
    const table = item.tables[0];
    if (request.electricity.category === 'general_commercial') {
      components.push({
        key: 'electricity', name: { en: 'Electricity', zh: '电费' }, amount_cny: null, formula: '—', rate: '—', unit: 'yuan/kWh',
        source: sourceOf(item, table, 'none'),
      });
      notes.push({
        en: 'The guide gives no general industrial and commercial electricity price — only residential tiers and the price for non-residential users eligible for residential prices — so electricity is not priced. Ask the power supplier for the applicable tariff.',
        zh: '指南未列出一般工商业电价，仅有居民阶梯电价和执行居民电价的非居民用户电价，因此未计算电费。请向供电企业咨询适用电价。',
      });
    } else {
      const voltage = request.electricity.voltage === 'below_1kv' ? 'Less than 1 kV' : '1 kV and higher';
      const row = findRow(table, (r) => text(r.user).startsWith('Non-residential users eligible') && text(r.voltage) === voltage, 'non-residential at residential price');
      const price = row.price as number;
      components.push({
        key: 'electricity', name: { en: 'Electricity (non-residential user at residential price)', zh: '电费（执行居民电价的非居民用户）' },
        amount_cny: multiplyToYuan(request.electricity.kwh_per_month, price, months),
        formula: `${request.electricity.kwh_per_month} kWh/month × ${price} yuan/kWh × ${months} months`,
        rate: `${price}`, unit: 'yuan/kWh', source: sourceOf(item, table, `Non-residential users eligible for residential prices · ${voltage}`),
      });
    }
  }

  if (request.gas) {
    const item = cost(store, 'gas');
    const table = item.tables[0];
    const row = findRow(table, (r) => text(r.use_type) === 'Industry and commerce' && text(r.area) === zoneLabel.en, 'industry and commerce gas');
    const column = request.gas.period === 'from_2025-03-16' ? 'price_from_2025_03_16' : 'price_2024_11_15_to_2025_03_15';
    const price = row[column] as number;
    const periodLabel = table.columns.find((c) => c.key === column)!.en;
    components.push({
      key: 'gas', name: { en: 'Gas (industry and commerce)', zh: '燃气费（工商业）' },
      amount_cny: multiplyToYuan(request.gas.m3_per_month, price, months),
      formula: `${request.gas.m3_per_month} m³/month × ${price} yuan/m³ × ${months} months`,
      rate: `${price}`, unit: 'yuan/m³', source: sourceOf(item, table, `Industry and commerce · ${zoneLabel.en} · ${periodLabel}`),
    });
  }

  if (request.heating) {
    const item = cost(store, 'heating');
    const [areaTable, meteredTable] = item.tables;
    const column = zone === 'six_urban' ? 'six_urban_districts' : 'other_districts';
    const { area_m2: area, seasons } = request.heating;
    if (request.heating.method === 'area') {
      const row = findRow(areaTable, (r) => text(r.charging_method) === 'Charged by area', 'charged by area');
      const price = row[column] as number;
      components.push({
        key: 'heating', name: { en: 'Heating (charged by area)', zh: '供热费（按面积计费）' },
        amount_cny: multiplyToYuan(area, price, seasons),
        formula: `${area} m² × ${price} yuan/m² per heating season × ${seasons} season(s)`,
        rate: `${price}`, unit: 'yuan/m²/season', source: sourceOf(item, areaTable, `Charged by area · ${zoneLabel.en}`),
      });
    } else {
      const basicRow = findRow(areaTable, (r) => text(r.price_item) === 'Basic heat price', 'basic heat price');
      const meteredRow = findRow(meteredTable, (r) => text(r.area) === zoneLabel.en, 'metered heat price');
      const basic = basicRow[column] as number;
      const perKwh = meteredRow.price_per_kwh as number;
      const kwh = request.heating.kwh_per_season!;
      const amount = sumYuan([multiplyToYuan(area, basic, seasons), multiplyToYuan(kwh, perKwh, seasons)]);
      components.push({
        key: 'heating', name: { en: 'Heating (heat metering: basic + metered)', zh: '供热费（按热计量：基本热价＋计量热价）' },
        amount_cny: amount,
        formula: `(${area} m² × ${basic} yuan/m² + ${kwh} kWh × ${perKwh} yuan/kWh) × ${seasons} season(s)`,
        rate: `${basic} + ${perKwh}`, unit: 'yuan/m² + yuan/kWh', source: sourceOf(item, meteredTable, `Basic heat price + metered heat price · ${zoneLabel.en}`),
      });
    }
  }

  if (request.staff) {
    const item = cost(store, 'social_insurance');
    const table = item.tables[0];
    const { count, monthly_salary_cny: salary } = request.staff;
    for (const [key, itemName, zh] of [
      ['pension', 'Basic endowment insurance', '基本养老保险'],
      ['unemployment', 'Unemployment insurance', '失业保险'],
      ['medical', 'Basic medical insurance (including maternity insurance)', '基本医疗保险（含生育保险）'],
    ] as const) {
      const row = findRow(table, (r) => text(r.item) === itemName, itemName);
      const rate = row.employer_rate_percent as number;
      components.push({
        key: `social_insurance_${key}`, name: { en: `Employer social insurance: ${itemName.toLowerCase()}`, zh: `单位缴纳社会保险：${zh}` },
        amount_cny: multiplyToYuan(salary, count, percent(rate), months),
        formula: `${salary} yuan × ${count} staff × ${rate}% × ${months} months`,
        rate: `${rate}%`, unit: '% of salary base', source: sourceOf(item, table, itemName),
      });
    }
    const injury = findRow(table, (r) => text(r.item) === 'Employment injury insurance', 'employment injury insurance');
    const min = injury.employer_rate_min as number;
    const max = injury.employer_rate_max as number;
    components.push({
      key: 'social_insurance_injury', name: { en: 'Employer social insurance: employment injury insurance (range)', zh: '单位缴纳社会保险：工伤保险（区间）' },
      amount_cny: null,
      amount_range_cny: { min: multiplyToYuan(salary, count, percent(min), months), max: multiplyToYuan(salary, count, percent(max), months) },
      formula: `${salary} yuan × ${count} staff × ${min}%–${max}% × ${months} months`,
      rate: `${min}%–${max}%`, unit: '% of total wages', source: sourceOf(item, table, 'Employment injury insurance'),
    });
    notes.push({ en: `Employment injury insurance is ${min}%–${max}% depending on the employer's type, so it is shown as a range and kept out of the total.`, zh: `工伤保险费率按用人单位类别在${min}%—${max}%之间确定，因此以区间列示，不计入合计。` });
    const wage = cost(store, 'minimum_wage');
    const minimum = findRow(wage.tables[0], (r) => text(r.employee_type) === 'Full-time employees', 'full-time minimum wage').amount as number;
    if (salary < minimum) {
      notes.push({ en: `The salary of ${salary} yuan a month is below Beijing's minimum wage for full-time employees (${minimum} yuan a month).`, zh: `月工资${salary}元低于北京市全日制职工最低工资标准（每月${minimum}元）。` });
    }
  }

  const total = sumYuan(components.map((c) => c.amount_cny ?? 0));
  const ranges = components.filter((c) => c.amount_range_cny);
  const totalRange = {
    min: sumYuan([total, ...ranges.map((c) => c.amount_range_cny!.min)]),
    max: sumYuan([total, ...ranges.map((c) => c.amount_range_cny!.max)]),
  };
  return {
    location: { district: district.id, rate_zone: zone, rate_zone_label: zoneLabel, business_district: businessDistrict },
    months,
    components,
    total,
    total_range: totalRange,
    notes,
  };
}
