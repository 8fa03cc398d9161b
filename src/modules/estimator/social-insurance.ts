/**
 * Social insurance for the staff asked: the employer's share (a cost on top of salaries, in the total) and the
 * employees' share (withheld from salaries, shown beside it). Employment injury insurance has a range of rates by
 * type of employer, so it is kept out of the total and shown as a range.
 */
import type { Bilingual, Cost } from '../content/index.js';
import type { EstimateRequest } from './estimate.schemas.js';
import type { Component, SocialInsurance, SocialInsuranceLine } from './estimate.types.js';
import { multiplyToYuan, percent, sumOfProductsToYuan, sumYuan } from './money.js';
import { bi, cell, costItem, numberIn, sourceOf, tariffRow, type PricingContext, type Priced } from './tables.js';
import { FIXED_RATE_INSURANCE, rowKey } from '../content/index.js';

type Staff = NonNullable<EstimateRequest['staff']>;
type Range = { min: number; max: number };
/** One item of the table: the employer's component and the line with both shares. */
interface PricedItem { component: Component; line: SocialInsuranceLine }
/**
 * Rates per employee per month: the employer's percent, and the employee's percent plus fixed yuan (medical: "2%+3
 * yuan"), read from the table's number columns, not from the rates as printed.
 */
interface Rates { employer: number; employee: number; employeeFixed: number }

const staffText = (count: number) => bi(`${count} employee${count === 1 ? '' : 's'}`, `${count}人`);

/** An item at one employer rate (pension, unemployment, medical): the employer's component and both shares' line. */
function fixedRateItem(ctx: PricingContext, item: Cost, staff: Staff, key: keyof typeof FIXED_RATE_INSURANCE): PricedItem & { rates: Rates } {
  const { table, row } = tariffRow(item, FIXED_RATE_INSURANCE[key]);
  const { count, monthly_salary_cny: salary } = staff;
  const { months, monthsText: m } = ctx;
  const name = cell(row.item);
  const rate = numberIn(row, 'employer_rate_percent');
  const employer = multiplyToYuan(salary, count, percent(rate), months);
  const component: Component = {
    key: `social_insurance_${key}`, name: bi(`Employer social insurance: ${name.en.toLowerCase()}`, `单位缴纳社会保险：${name.zh}`),
    amount_cny: employer, per_month_cny: multiplyToYuan(salary, count, percent(rate)), period: { unit: 'months', count: months },
    formula: `${salary} yuan × ${count} staff × ${rate}% × ${months} months`,
    formula_text: bi(`${salary} yuan salary base per month × ${staffText(count).en} × ${rate}% × ${m.en}`, `每月缴费基数${salary}元 × ${staffText(count).zh} × ${rate}% × ${m.zh}`),
    rate: `${rate}%`, unit: '% of salary base',
    ...sourceOf(item, table, name),
  };
  const rates = { employer: rate, employee: numberIn(row, 'employee_rate_percent'), employeeFixed: numberIn(row, 'employee_fixed_yuan') };
  const employee = sumOfProductsToYuan([[salary, count, percent(rates.employee), months], [rates.employeeFixed, count, months]]);
  const line = { key, name, employer_rate: `${rate}%`, employee_rate: cell(row.employee), employer_cny: employer, employee_cny: employee, remitted_cny: sumYuan([employer, employee]) };
  return { component, line, rates };
}

/** Employment injury insurance: the employer's range of rates; employees pay none ("N/A"). */
function injuryItem(ctx: PricingContext, item: Cost, staff: Staff): PricedItem & { min: number; max: number; range: Range } {
  const { table, row } = tariffRow(item, rowKey.injuryInsurance);
  const { count, monthly_salary_cny: salary } = staff;
  const { months, monthsText: m } = ctx;
  const [min, max] = [numberIn(row, 'employer_rate_min'), numberIn(row, 'employer_rate_max')];
  const range = { min: multiplyToYuan(salary, count, percent(min), months), max: multiplyToYuan(salary, count, percent(max), months) };
  const name = cell(row.item);
  const component: Component = {
    key: 'social_insurance_injury', name: bi('Employer social insurance: employment injury insurance (range)', '单位缴纳社会保险：工伤保险（区间）'),
    amount_cny: null, amount_range_cny: range, per_month_cny: null, period: { unit: 'months', count: months },
    formula: `${salary} yuan × ${count} staff × ${min}%–${max}% × ${months} months`,
    formula_text: bi(`${salary} yuan salary base per month × ${staffText(count).en} × ${min}%–${max}% × ${m.en}`, `每月缴费基数${salary}元 × ${staffText(count).zh} × ${min}%—${max}% × ${m.zh}`),
    rate: `${min}%–${max}%`, unit: '% of total wages',
    ...sourceOf(item, table, name),
  };
  const line = { key: 'injury', name, employer_rate: `${min}%–${max}%`, employee_rate: cell(row.employee), employer_cny: null, employer_range_cny: range, employee_cny: 0, remitted_cny: null, remitted_range_cny: range };
  return { component, line, min, max, range };
}

/** Totals over the lines; the injury range is added only to the `*_range_cny` sums. */
function totals(staff: Staff, months: number, lines: SocialInsuranceLine[], rates: Rates[], injury: Range): SocialInsurance {
  const salary = staff.monthly_salary_cny;
  const employer = sumYuan(lines.map((l) => l.employer_cny ?? 0));
  const employee = sumYuan(lines.map((l) => l.employee_cny));
  const remitted = sumYuan([employer, employee]);
  // Per employee per month: the rates on one salary base, plus the fixed yuan of the employee's medical share.
  const perEmployer = sumOfProductsToYuan(rates.map((r) => [salary, percent(r.employer)]));
  const perEmployee = sumOfProductsToYuan(rates.flatMap((r) => [[salary, percent(r.employee)], [r.employeeFixed]]));
  return {
    staff: staff.count, monthly_salary_cny: salary, months, lines,
    employer_cny: employer, employee_cny: employee, remitted_cny: remitted,
    employer_range_cny: { min: sumYuan([employer, injury.min]), max: sumYuan([employer, injury.max]) },
    remitted_range_cny: { min: sumYuan([remitted, injury.min]), max: sumYuan([remitted, injury.max]) },
    per_employee_per_month: { employer_cny: perEmployer, employee_cny: perEmployee, remitted_cny: sumYuan([perEmployer, perEmployee]) },
  };
}

/** A salary below the minimum wage is most likely a typing error, and unlawful if not: said, not refused. */
function minimumWageNote(ctx: PricingContext, salary: number): Bilingual[] {
  const minimum = numberIn(tariffRow(costItem(ctx.store, 'minimum_wage'), rowKey.fullTimeMinimumWage).row, 'amount');
  if (salary >= minimum) return [];
  return [bi(`The salary of ${salary} yuan a month is below Beijing’s minimum wage for full-time employees (${minimum} yuan a month).`, `月工资${salary}元低于北京市全日制职工最低工资标准（每月${minimum}元）。`)];
}

const EXCLUDED: Bilingual[] = [
  bi('The employees’ own social insurance share, withheld from their salaries (see “Social insurance: both shares”)', '员工个人缴纳的社会保险（从工资中代扣，见“社会保险：单位和个人缴纳部分”）'),
  bi('Employment injury insurance (a range by type of employer; added in “Total including ranges”)', '工伤保险（按单位类别确定的区间；计入“含区间项合计”）'),
  bi('Salaries themselves, and the housing provident fund (the guide gives no rate)', '工资本身及住房公积金（指南未给出缴存比例）'),
];

export function priceSocialInsurance(ctx: PricingContext, staff: Staff): Priced & { socialInsurance: SocialInsurance } {
  const item = costItem(ctx.store, 'social_insurance');
  const fixed = (Object.keys(FIXED_RATE_INSURANCE) as (keyof typeof FIXED_RATE_INSURANCE)[]).map((key) => fixedRateItem(ctx, item, staff, key));
  const injury = injuryItem(ctx, item, staff);
  const lines = [...fixed.map((f) => f.line), injury.line];
  const notes = [
    bi(`Employment injury insurance is ${injury.min}%–${injury.max}% depending on the employer’s type, so it is shown as a range and kept out of the total.`, `工伤保险费率按用人单位类别在${injury.min}%—${injury.max}%之间确定，因此以区间列示，不计入合计。`),
    ...minimumWageNote(ctx, staff.monthly_salary_cny),
  ];
  return {
    components: [...fixed.map((f) => f.component), injury.component],
    notes, excludes: [...EXCLUDED],
    socialInsurance: totals(staff, ctx.months, lines, fixed.map((f) => f.rates), injury.range),
  };
}
