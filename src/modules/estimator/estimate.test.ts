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
  expect: { components: Record<string, number | null>; total: number; total_range: { min: number; max: number } };
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
