/**
 * The test runner on the real rules: a threshold (a parameter, or a literal value in a condition) moved past one
 * profile's answer changes that profile's outcome and no other's, and the reason names the condition, the answer and
 * the value needed before and after.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../../test/helpers/test-app.js';
import { ContentStore, leavesOf, type Condition, type Leaf } from '../../content/index.js';
import { runRuleTests, storeWithItem, type TestProfile } from './test-runner.js';

const TODAY = '2026-12-01';
let live: ContentStore;
beforeAll(async () => {
  live = new ContentStore(1, await realContent());
});

const rdCentre = (name: string, capital: number): TestProfile => ({
  id: name,
  name,
  facts: { entity_type: 'rd_center', paid_in_capital_usd: capital, authorised_by_parent: true },
});
const small = rdCentre('small R&D centre', 1_500_000);
const large = rdCentre('large R&D centre', 3_000_000);

function withParameter(value: number) {
  const parameter = live.get('rule-parameters', 'rd_hq_min_paid_in_capital_usd')!;
  const result = storeWithItem(live, 'rule-parameters', parameter.id, { ...parameter, value });
  if (!('store' in result)) throw new Error(JSON.stringify(result.problems));
  return result.store;
}

describe('runRuleTests', () => {
  it('with nothing changed, every profile runs and none changes', () => {
    const same = storeWithItem(live, 'rules', 'rd-hq-confirmation', { ...live.get('rules', 'rd-hq-confirmation')! });
    if (!('store' in same)) throw new Error('invalid');
    expect(runRuleTests(live, same.store, [small, large], TODAY)).toEqual({ ran: 2, changed: [], unchanged: 2 });
  });

  it('lowering a parameter below one profile’s capital changes that profile only, and says why', () => {
    const run = runRuleTests(live, withParameter(1_000_000), [small, large], TODAY);
    expect(run.ran).toBe(2);
    expect(run.unchanged).toBe(1);
    expect(run.changed.map((c) => c.profile.name)).toEqual(['small R&D centre']);
    const [change] = run.changed[0].rules;
    expect(change).toMatchObject({ ruleId: 'rd-hq-confirmation', policy: 'foreign-rd-headquarters-confirmation-opinions-2021', before: 'does_not_apply', after: 'applies' });
    expect(change.leaves).toHaveLength(1);
    expect(change.leaves[0]).toMatchObject({
      fact: 'paid_in_capital_usd', given: 1_500_000, param: 'rd_hq_min_paid_in_capital_usd',
      before: { result: 'not_met', needed: 2_000_000 }, after: { result: 'met', needed: 1_000_000 },
    });
    expect(change.leaves[0].label.en).toMatch(/paid-in registered capital/);
  });

  it('a literal value in a condition works the same way, and raising it turns the other profile', () => {
    const rule = structuredClone(live.get('rules', 'rd-hq-confirmation')!);
    const leaf = leavesOf(rule.condition as Condition).find((l) => l.fact === 'paid_in_capital_usd') as Leaf;
    delete leaf.param;
    leaf.value = 4_000_000;
    const after = storeWithItem(live, 'rules', rule.id, rule as unknown as Record<string, unknown>);
    if (!('store' in after)) throw new Error('invalid');
    const run = runRuleTests(live, after.store, [small, large], TODAY);
    expect(run.changed.map((c) => c.profile.name)).toEqual(['large R&D centre']);
    expect(run.changed[0].rules[0]).toMatchObject({ before: 'applies', after: 'does_not_apply' });
    expect(run.changed[0].rules[0].leaves[0]).toMatchObject({ given: 3_000_000, before: { result: 'met', needed: 2_000_000 }, after: { result: 'not_met', needed: 4_000_000 } });
  });

  it('withdrawing a rule takes it out of force for the profiles it applied or may apply to', () => {
    const after = storeWithItem(live, 'rules', 'rd-hq-confirmation', null);
    if (!('store' in after)) throw new Error('invalid');
    const run = runRuleTests(live, after.store, [small, large], TODAY);
    // The small centre's outcome was "does not apply": not in force says the same to the investor, so no change.
    expect(run.changed.map((c) => [c.profile.name, c.rules.map((r) => `${r.ruleId}:${r.before}→${r.after}`)])).toEqual([
      ['large R&D centre', ['rd-hq-confirmation:applies→not_in_force']],
    ]);
    expect(run.unchanged).toBe(1);
  });

  it('an invalid revision gives its problems instead of a store', () => {
    const rule = { ...live.get('rules', 'rd-hq-confirmation')!, relevance: 9 };
    const result = storeWithItem(live, 'rules', rule.id, rule);
    expect('problems' in result && result.problems.map((p) => p.path.join('.'))).toEqual(['relevance']);
  });
});
