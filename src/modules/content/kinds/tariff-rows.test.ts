/**
 * The estimator finds its table rows by key: every key it needs exists exactly once in content/costs, a missing or
 * duplicated key fails the content check (not an estimate), and rewording a row's labels changes no amount.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { realContent } from '../../../../test/helpers/test-app.js';
import { ContentStore, ContentValidationError, costSchema, readContent, type Cost } from '../index.js';
import { estimateCosts } from '../../estimator/estimate.js';
import { estimateRequestSchema } from '../../estimator/estimate.schemas.js';
import { TARIFF_ROWS } from './tariff-rows.js';

type RawCost = { id: string; cost_type: string; tables: { rows: Record<string, unknown>[] }[] };
const costsFile = () => JSON.parse(readFileSync('content/costs/costs.json', 'utf8')) as RawCost[];
const rowOf = (costs: RawCost[], key: string) => costs.flatMap((c) => c.tables.flatMap((t) => t.rows)).find((r) => r.key === key)!;
const problemsOf = (cost: RawCost) => {
  const result = costSchema.safeParse(cost);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('tariff rows by key', () => {
  it('has every key the estimator needs exactly once in its cost item, with the numbers it reads', () => {
    const costs = costsFile();
    for (const [type, keys] of Object.entries(TARIFF_ROWS)) {
      const items = costs.filter((c) => c.cost_type === type);
      expect(items, type).toHaveLength(1);
      const rows = items[0].tables.flatMap((t) => t.rows);
      for (const [key, columns] of Object.entries(keys)) {
        const found = rows.filter((r) => r.key === key);
        expect(found, key).toHaveLength(1);
        for (const column of columns) expect(typeof found[0][column], `${key}.${column}`).toBe('number');
      }
    }
  });

  it('fails the cost schema when a needed key is missing or duplicated, or a read price is not a number', () => {
    const item = (type: string) => structuredClone(costsFile().find((c) => c.cost_type === type)!);
    const renamed = item('social_insurance');
    rowOf([renamed], 'injury_insurance').key = 'work_injury';
    expect(problemsOf(renamed)).toContain('no row with key "injury_insurance": the cost estimator prices social_insurance from it');
    const doubled = item('water');
    rowOf([doubled], 'non_resident_self_use_well_other').key = 'non_resident_running_water_other';
    expect(problemsOf(doubled)).toContain('row key "non_resident_running_water_other" is used 2 times');
    const emptied = item('electricity');
    rowOf([emptied], 'residential_tier_2_below_1kv').tier_upper_kwh = null;
    expect(problemsOf(emptied)).toContain('row "residential_tier_2_below_1kv" needs a number here: the cost estimator reads it');
  });

  it('makes the content check (readContent) fail on a missing key, naming it', async () => {
    const costs = costsFile();
    rowOf(costs, 'others').key = 'elsewhere';
    const root = await mkdtemp(path.join(tmpdir(), 'ib-tariff-rows-'));
    await mkdir(path.join(root, 'costs'));
    await writeFile(path.join(root, 'costs', 'costs.json'), JSON.stringify(costs));
    const error = await readContent(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentValidationError);
    expect((error as Error).message).toContain('no row with key "others"');
  });

  it('prices the same when an editor rewords the rows’ English labels', async () => {
    const content = await realContent();
    const reworded = structuredClone(content.costs) as Cost[];
    for (const row of reworded.flatMap((c) => c.tables.flatMap((t) => t.rows))) {
      for (const [column, value] of Object.entries(row)) {
        // The area names the business district a visitor or API client asks for (the request's contract).
        if (column === 'key' || column === 'area') continue;
        if (value && typeof value === 'object') row[column] = { ...value, en: `${value.en} (reworded)` };
      }
      if (row.key === 'others') row.area = { en: 'Others (elsewhere)', zh: '其他' };
    }
    const request = estimateRequestSchema.parse({
      district: 'shunyi', months: 7, office: { area_m2: 250 }, water_m3_per_month: 40, gas: { m3_per_month: 90 },
      electricity: { kwh_per_month: 900, category: 'non_residential_at_residential_price', voltage: '1kv_and_above' },
      heating: { method: 'metered', area_m2: 250, kwh_per_season: 12000 }, staff_apartments: { count: 4, kwh_per_month: 420 },
      staff: { count: 12, monthly_salary_cny: 9876.54 },
    });
    const amounts = (set: typeof content) => {
      const estimate = estimateCosts(new ContentStore(1, set), request);
      return { components: estimate.components.map((c) => [c.key, c.amount_cny, c.amount_range_cny]), total: estimate.total, range: estimate.total_range, si: { ...estimate.social_insurance!, lines: estimate.social_insurance!.lines.map((l) => [l.key, l.employer_cny, l.employee_cny, l.remitted_range_cny]) } };
    };
    const before = amounts(content);
    expect(before.components).toHaveLength(10);
    expect(amounts({ ...content, costs: reworded })).toEqual(before);
  });
});
