import { describe, expect, it } from 'vitest';
import { evaluate, evidenceSet } from './evaluate.js';
import type { Condition, Leaf, Parameter } from '../content/kinds/rules.schemas.js';

const label = { en: 'x', zh: 'x' };
const leaf = (l: Omit<Leaf, 'label'>): Leaf => ({ ...l, label }) as Leaf;
const capital = leaf({ fact: 'paid_in_capital_usd', op: 'gte', param: 'rd_hq_min' });
const rd = leaf({ fact: 'entity_type', op: 'eq', value: 'rd_center' });
const srdi = leaf({ fact: 'statuses', op: 'includes', value: ['srdi', 'high_tech'] });
const parameters = new Map<string, Parameter>([['rd_hq_min', { id: 'rd_hq_min', value: 2_000_000, en: { label: 'l' }, zh: { label: 'l' }, sources: [{ document: '000_b5e748836c3b3473.txt', section: 's' }], last_verified: '2026-12-01' }]]);

describe('three-valued rule evaluation', () => {
  it('is met when every condition holds', () => {
    const result = evaluate({ all: [rd, capital] }, { entity_type: 'rd_center', paid_in_capital_usd: 2_000_000 }, parameters);
    expect(result.truth).toBe('met');
    expect(result.passed).toHaveLength(2);
  });

  it('is unknown, with the missing facts, when a fact is not given', () => {
    const result = evaluate({ all: [rd, capital] }, { entity_type: 'rd_center' }, parameters);
    expect(result.truth).toBe('unknown');
    expect(result.missing.map((m) => m.fact)).toEqual(['paid_in_capital_usd']);
  });

  it('reports the value given against the value needed, and keeps evaluating after a failure', () => {
    const result = evaluate({ all: [capital, rd] }, { paid_in_capital_usd: 1_500_000 }, parameters);
    expect(result.truth).toBe('not_met');
    expect(result.failed[0]).toMatchObject({ given: 1_500_000, needed: 2_000_000 });
    expect(result.missing.map((m) => m.fact)).toEqual(['entity_type']);
  });

  it('is met by any one branch of an any, and not met only when all branches fail', () => {
    const condition: Condition = { any: [srdi, rd] };
    expect(evaluate(condition, { statuses: ['high_tech'] }, parameters).truth).toBe('met');
    expect(evaluate(condition, { statuses: [], entity_type: 'wfoe' }, parameters).truth).toBe('not_met');
    expect(evaluate(condition, { statuses: [] }, parameters).truth).toBe('unknown');
  });

  it('inverts with not, keeping unknown unknown', () => {
    const condition: Condition = { not: rd };
    expect(evaluate(condition, { entity_type: 'wfoe' }, parameters).truth).toBe('met');
    expect(evaluate(condition, { entity_type: 'rd_center' }, parameters).truth).toBe('not_met');
    expect(evaluate(condition, {}, parameters).truth).toBe('unknown');
  });

  it('fails loudly on a condition naming a parameter that does not exist', () => {
    expect(() => evaluate(leaf({ fact: 'staff', op: 'gte', param: 'nope' }), { staff: 5 }, parameters)).toThrow(/unknown parameter/);
  });
});

describe('a set read from the investor’s own words', () => {
  const needs = (op: 'includes' | 'excludes', value: string) => ({ fact: 'business_lines' as const, op, value: [value], label: { en: value, zh: value } });
  it('settles what it holds and leaves open what it lacks', () => {
    const said = { business_lines: evidenceSet(['robotics']) };
    expect(evaluate(needs('includes', 'robotics'), said, new Map()).truth).toBe('met');
    expect(evaluate(needs('includes', 'hospital'), said, new Map()).truth).toBe('unknown');
    expect(evaluate(needs('excludes', 'robotics'), said, new Map()).truth).toBe('not_met');
    expect(evaluate(needs('excludes', 'hospital'), said, new Map()).truth).toBe('unknown');
  });
  it('is settled either way when the investor ticked the list', () => {
    const ticked = { business_lines: ['robotics'] };
    expect(evaluate(needs('includes', 'hospital'), ticked, new Map()).truth).toBe('not_met');
    expect(evaluate(needs('excludes', 'hospital'), ticked, new Map()).truth).toBe('met');
  });
});
