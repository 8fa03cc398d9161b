/** The estimator against hand-computed scenarios (test/fixtures/cost-scenarios.json), exact to the fen. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { estimateCosts, EstimateInputError } from './estimate.js';
import { estimateRequestSchema } from './estimate.schemas.js';

interface Scenario {
  id: string;
  description: string;
  request: unknown;
  expect: {
    components: Record<string, number | null>;
    total: number;
    total_range: { min: number; max: number };
    /** The rent table's row the office rent must come from (English area name). */
    rent_row?: string;
    social_insurance?: { employer: number; employee: number; remitted: number; remitted_range: { min: number; max: number }; per_employee_per_month: { employer: number; employee: number; remitted: number } };
  };
}
const scenarios = JSON.parse(readFileSync('test/fixtures/cost-scenarios.json', 'utf8')) as Scenario[];

let store: ContentStore;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
});

describe('cost estimator', () => {
  it('has at least 15 hand-computed scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
  });

  it.each(scenarios.map((s) => [s.id, s.description, s] as const))('%s: %s', (_id, _description, scenario) => {
    const estimate = estimateCosts(store, estimateRequestSchema.parse(scenario.request));
    const amounts = Object.fromEntries(estimate.components.filter((c) => c.key !== 'social_insurance_injury').map((c) => [c.key, c.amount_cny]));
    expect(amounts).toEqual(scenario.expect.components);
    expect(estimate.total).toBe(scenario.expect.total);
    expect(estimate.total_range).toEqual(scenario.expect.total_range);
    if (scenario.expect.rent_row) expect(estimate.location.rent_row?.area.en).toBe(scenario.expect.rent_row);
    const si = scenario.expect.social_insurance;
    if (si) {
      const got = estimate.social_insurance!;
      expect({ employer: got.employer_cny, employee: got.employee_cny, remitted: got.remitted_cny, remitted_range: got.remitted_range_cny }).toEqual({ employer: si.employer, employee: si.employee, remitted: si.remitted, remitted_range: si.remitted_range });
      const per = got.per_employee_per_month;
      expect({ employer: per.employer_cny, employee: per.employee_cny, remitted: per.remitted_cny }).toEqual(si.per_employee_per_month);
      // The employer's share is what the total counts; the employees' share is withheld from salaries and is not in it.
      expect(got.employer_cny).toBe(['pension', 'unemployment', 'medical'].reduce((n, k) => n + (estimate.components.find((c) => c.key === `social_insurance_${k}`)!.amount_cny ?? 0), 0));
    }
  });

  it('prices Yizhuang (the BDA) from its own rent row and says which row it used', () => {
    const estimate = estimateCosts(store, estimateRequestSchema.parse({ district: 'bda', office: { area_m2: 100 } }));
    expect(estimate.location.rent_row).toMatchObject({ area: { en: 'Yizhuang Development Zone', zh: '亦庄开发区' }, effective_rent: 87.12, why: 'only_row_in_district' });
    expect(estimate.notes.some((n) => n.en.includes('row “Yizhuang Development Zone”') && n.zh.includes('“亦庄开发区”一行'))).toBe(true);
    expect(estimate.components[0].source_text.zh).toContain('亦庄开发区');
  });

  it('refuses a business district that is not in the district asked for', () => {
    expect(() => estimateCosts(store, estimateRequestSchema.parse({ district: 'changping', office: { area_m2: 100, business_district: 'CBD' } }))).toThrow(EstimateInputError);
    expect(() => estimateCosts(store, estimateRequestSchema.parse({ district: 'haidian', office: { area_m2: 100, business_district: 'Overall core business district' } }))).toThrow(EstimateInputError);
  });

  it('labels each amount with its period and says what the total includes and excludes, in both languages', () => {
    const estimate = estimateCosts(store, estimateRequestSchema.parse({ district: 'haidian', months: 24, office: { area_m2: 10 }, heating: { method: 'area', area_m2: 10 }, staff: { count: 1, monthly_salary_cny: 10000 } }));
    expect(estimate.period_label).toEqual({ en: 'for 24 months (2 years)', zh: '24个月（2年）' });
    const rent = estimate.components.find((c) => c.key === 'office_rent')!;
    expect(rent.per_month_cny).toBe(2946.1);
    expect(rent.formula_text.zh).toBe('10平方米 × 每月每平方米294.61元 × 24个月');
    const heating = estimate.components.find((c) => c.key === 'heating')!;
    expect(heating).toMatchObject({ per_month_cny: null, period: { unit: 'seasons', count: 1 } });
    expect(estimate.total_includes.map((i) => i.en)).toContain('Heating (charged by area) (for 1 heating season)');
    expect(estimate.total_excludes.map((i) => i.en).join(' ')).toContain('withheld from their salaries');
    for (const item of [...estimate.total_includes, ...estimate.total_excludes, ...estimate.notes, ...estimate.components.map((c) => c.formula_text), ...estimate.components.map((c) => c.source_text)]) {
      expect(item.zh, item.en).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('maps districts to the tables’ six-urban / other rows and says so', () => {
    const estimate = estimateCosts(store, estimateRequestSchema.parse({ district: 'shunyi', water_m3_per_month: 10 }));
    expect(estimate.location.rate_zone).toBe('other');
    expect(estimate.notes[0].en).toContain('Other districts');
    expect(estimate.components[0].source.row).toContain('Other districts');
  });

  it('never invents a general commercial electricity price', () => {
    const estimate = estimateCosts(store, estimateRequestSchema.parse({ district: 'chaoyang', electricity: { kwh_per_month: 100 } }));
    expect(estimate.components[0].amount_cny).toBeNull();
    expect(estimate.notes.some((n) => n.en.includes('no general industrial and commercial electricity price'))).toBe(true);
  });

  it('asks which business district when a district has several', () => {
    expect(() => estimateCosts(store, estimateRequestSchema.parse({ district: 'chaoyang', office: { area_m2: 100 } }))).toThrow(EstimateInputError);
  });

  it('warns when a salary is below the minimum wage', () => {
    const estimate = estimateCosts(store, estimateRequestSchema.parse({ district: 'yanqing', months: 1, staff: { count: 3, monthly_salary_cny: 2000 } }));
    expect(estimate.notes.some((n) => n.en.includes('below Beijing’s minimum wage') || n.en.includes("below Beijing's minimum wage"))).toBe(true);
  });
});
