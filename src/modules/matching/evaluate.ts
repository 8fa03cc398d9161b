/**
 * Three-valued evaluation of a rule's condition tree against what the investor told us.
 * Every branch is evaluated (no short-circuit), so the result lists everything that passed, everything that failed
 * (the value given against the value needed) and everything still unknown (the questions to ask).
 */
import type { Condition, FactName, Leaf, Parameter } from './rules.schemas.js';

export type Truth = 'met' | 'not_met' | 'unknown';
export type FactValue = string | number | boolean | string[];
export type Facts = Partial<Record<FactName, FactValue>>;

export interface FailedCondition {
  leaf: Leaf;
  given: FactValue;
  needed: unknown;
}

export interface Evaluation {
  truth: Truth;
  passed: Leaf[];
  failed: FailedCondition[];
  missing: Leaf[];
}

export class UnknownParameterError extends Error {}

function resolve(leaf: Leaf, parameters: Map<string, Parameter>): unknown {
  if (leaf.param === undefined) return leaf.value;
  const parameter = parameters.get(leaf.param);
  if (!parameter) throw new UnknownParameterError(`Rule condition refers to unknown parameter "${leaf.param}"`);
  return parameter.value;
}

function compare(op: Leaf['op'], given: FactValue, needed: unknown): boolean {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : [String(v)]);
  switch (op) {
    case 'eq': return String(given) === String(needed);
    case 'neq': return String(given) !== String(needed);
    case 'in': return list(needed).includes(String(given));
    case 'not_in': return !list(needed).includes(String(given));
    case 'gte': return Number(given) >= Number(needed);
    case 'gt': return Number(given) > Number(needed);
    case 'lte': return Number(given) <= Number(needed);
    case 'lt': return Number(given) < Number(needed);
    case 'is_true': return given === true;
    case 'is_false': return given === false;
    // Set facts (statuses): the investor's set includes / excludes any of the needed values.
    case 'includes': return list(needed).some((v) => list(given).includes(v));
    case 'excludes': return !list(needed).some((v) => list(given).includes(v));
  }
}

function leafTruth(leaf: Leaf, facts: Facts, parameters: Map<string, Parameter>): Evaluation {
  const given = facts[leaf.fact];
  if (given === undefined) {
    return { truth: 'unknown', passed: [], failed: [], missing: [leaf] };
  }
  const needed = resolve(leaf, parameters);
  return compare(leaf.op, given, needed)
    ? { truth: 'met', passed: [leaf], failed: [], missing: [] }
    : { truth: 'not_met', passed: [], failed: [{ leaf, given, needed }], missing: [] };
}

function merge(parts: Evaluation[], truth: Truth): Evaluation {
  return {
    truth,
    passed: parts.flatMap((p) => p.passed),
    failed: parts.flatMap((p) => p.failed),
    missing: parts.flatMap((p) => p.missing),
  };
}

export function evaluate(condition: Condition, facts: Facts, parameters: Map<string, Parameter>): Evaluation {
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluate(c, facts, parameters));
    const truth = parts.some((p) => p.truth === 'not_met') ? 'not_met' : parts.some((p) => p.truth === 'unknown') ? 'unknown' : 'met';
    return merge(parts, truth);
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluate(c, facts, parameters));
    const truth = parts.some((p) => p.truth === 'met') ? 'met' : parts.some((p) => p.truth === 'unknown') ? 'unknown' : 'not_met';
    // Once one branch is met, the others' failures do not count against the rule.
    return truth === 'met' ? { ...merge(parts, truth), failed: [], missing: [] } : merge(parts, truth);
  }
  if ('not' in condition) {
    const inner = evaluate(condition.not, facts, parameters);
    const truth: Truth = inner.truth === 'met' ? 'not_met' : inner.truth === 'not_met' ? 'met' : 'unknown';
    // A negated condition passes where the inner one failed, and fails where it passed.
    return {
      truth,
      passed: inner.failed.map((f) => f.leaf),
      failed: inner.passed.map((leaf) => ({ leaf, given: facts[leaf.fact]!, needed: { not: leaf.param ?? leaf.value } })),
      missing: inner.missing,
    };
  }
  return leafTruth(condition, facts, parameters);
}
