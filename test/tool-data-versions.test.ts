/**
 * The investor tools' data (rules and their parameters, market-access lists, the plan template) is content: loaded
 * into the database with a content version, so an edited threshold reaches the running app like any other edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentSet, type ContentSet } from '../src/modules/content/index.js';
import { realContent, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp('pglite', { API_RATE_LIMIT: '1000' });
});
afterAll(() => t.close());

const investor = { investor_type: 'individual', investor_origin: 'foreign', entity_type: 'wfoe', paid_in_capital_usd: 3_000_000, industry_encouraged: true, stable_investment_years: 3 };
const statusOf = async (rule: string) => {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/policy-match?limit=200', payload: investor });
  return (JSON.parse(response.body) as { results: { rule: string; status: string }[] }).results.find((r) => r.rule === rule)?.status;
};

describe('tool data follows the content version', () => {
  it('applies a changed rule parameter and a changed plan step once the new version is loaded', async () => {
    expect(await statusOf('pr-investment-general')).toBe('applies');
    const edited: ContentSet = structuredClone(await realContent());
    edited['rule-parameters'] = edited['rule-parameters'].map((p) => (p.id === 'pr_investment_general_min_usd' ? { ...p, value: 5_000_000 } : p));
    edited['plan-steps'] = edited['plan-steps'].map((s) => (s.id === 'tax' ? { ...s, en: { title: 'Register for tax (edited)' } } : s));
    const before = t.content.store.version;
    const loaded = await loadContentSet(t.database.db, edited);
    expect(loaded.loaded).toBe(true);
    await t.content.refresh();
    expect(t.content.store.version).toBeGreaterThan(before);
    expect(await statusOf('pr-investment-general')).toBe('does_not_apply');
    const plan = await t.app.inject({ url: '/en/plan?entity_type=wfoe&district=haidian&industry=pharmaceutical-health' });
    expect(plan.body).toContain('Register for tax (edited)');
  });

  it('exposes the rules, parameters and list items in the open data API', async () => {
    const rules = JSON.parse((await t.app.inject({ url: '/api/v1/rules?benefit_type=talent_visa&limit=200' })).body);
    expect(rules.items.length).toBeGreaterThan(0);
    expect(rules.items.every((r: { benefit_type: string }) => r.benefit_type === 'talent_visa')).toBe(true);
    const prohibited = JSON.parse((await t.app.inject({ url: '/api/v1/market-access-items?measure=prohibited&limit=200' })).body);
    expect(prohibited.items.every((i: { measure: string; verified: boolean }) => i.measure === 'prohibited')).toBe(true);
  });
});
