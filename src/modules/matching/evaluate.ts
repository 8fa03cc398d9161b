/**
 * Three-valued evaluation of a rule's condition tree against what the investor told us.
 * Every branch is evaluated (no short-circuit), so the result lists everything that passed, everything that failed
 * (the value given against the value needed) and everything still unknown (the questions to ask).
 */
import type { Condition, FactName, Leaf, Parameter } from '../content/index.js';

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

/**
 * A set fact read from the investor's own words ("R&D and manufacturing of humanoid robots"): the values it holds are
 * known, but what it lacks is not — the words say nothing about data export. So a condition that needs a value the
 * set lacks is still open ("may apply"), never failed.
 */
export type EvidenceSet = string[] & { readonly evidence: true };
export const evidenceSet = (values: readonly string[]): EvidenceSet => Object.assign([...values], { evidence: true as const });
export const isEvidenceSet = (value: unknown): value is EvidenceSet => Array.isArray(value) && (value as { evidence?: unknown }).evidence === true;

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

function leafTruth(leaf: Leaf, facts: Facts, parameters: Map<string, Parameter>, into: Evaluation): Truth {
  const given = facts[leaf.fact];
  if (given === undefined) {
    into.missing.push(leaf);
    return 'unknown';
  }
  const needed = resolve(leaf, parameters);
  const met = compare(leaf.op, given, needed);
  // Evidence that lacks a value settles neither "includes" (failing) nor "excludes" (passing): the value may be there.
  if (isEvidenceSet(given) && ((leaf.op === 'includes' && !met) || (leaf.op === 'excludes' && met))) {
    into.missing.push(leaf);
    return 'unknown';
  }
  if (met) {
    into.passed.push(leaf);
    return 'met';
  }
  into.failed.push({ leaf, given, needed });
  return 'not_met';
}

/** Evaluates one node, appending what passed, failed and is missing to `into` (one set of lists per rule: measured, per-node lists were most of the cost). */
function collect(condition: Condition, facts: Facts, parameters: Map<string, Parameter>, into: Evaluation): Truth {
  if ('all' in condition) {
    let anyUnknown = false;
    let anyFailed = false;
    for (const part of condition.all) {
      const truth = collect(part, facts, parameters, into);
      if (truth === 'not_met') anyFailed = true;
      else if (truth === 'unknown') anyUnknown = true;
    }
    return anyFailed ? 'not_met' : anyUnknown ? 'unknown' : 'met';
  }
  if ('any' in condition) {
    const failedBefore = into.failed.length;
    const missingBefore = into.missing.length;
    let anyMet = false;
    let anyUnknown = false;
    for (const part of condition.any) {
      const truth = collect(part, facts, parameters, into);
      if (truth === 'met') anyMet = true;
      else if (truth === 'unknown') anyUnknown = true;
    }
    if (anyMet) {
      // Once one branch is met, the others' failures and open questions do not count against the rule.
      into.failed.length = failedBefore;
      into.missing.length = missingBefore;
      return 'met';
    }
    return anyUnknown ? 'unknown' : 'not_met';
  }
  if ('not' in condition) {
    const inner: Evaluation = { truth: 'unknown', passed: [], failed: [], missing: [] };
    const truth = collect(condition.not, facts, parameters, inner);
    // A negated condition passes where the inner one failed, and fails where it passed.
    for (const f of inner.failed) into.passed.push(f.leaf);
    for (const leaf of inner.passed) into.failed.push({ leaf, given: facts[leaf.fact]!, needed: { not: leaf.param ?? leaf.value } });
    for (const leaf of inner.missing) into.missing.push(leaf);
    return truth === 'met' ? 'not_met' : truth === 'not_met' ? 'met' : 'unknown';
  }
  return leafTruth(condition, facts, parameters, into);
}

export function evaluate(condition: Condition, facts: Facts, parameters: Map<string, Parameter>): Evaluation {
  const evaluation: Evaluation = { truth: 'unknown', passed: [], failed: [], missing: [] };
  evaluation.truth = collect(condition, facts, parameters, evaluation);
  return evaluation;
}
