/** Which policies apply to an investor, and why: every rule evaluated, ordered, with the questions still open. */
import type { ContentStore } from '../content/index.js';
import { evaluate, isEvidenceSet, type Evaluation, type Facts } from './evaluate.js';
import { leavesOf, type RuleBook } from './rule-book.js';
import type { FactName, Leaf, Rule } from './rules.schemas.js';

export type MatchStatus = 'applies' | 'may_apply' | 'does_not_apply';

export interface MatchResult {
  rule: Rule;
  status: MatchStatus;
  evaluation: Evaluation;
  /** Kept and shared across profiles (see outcomeOf): worth keeping things derived from it, such as its JSON. */
  shared: boolean;
}

export interface NextQuestion {
  fact: FactName;
  question: { en: string; zh: string };
  /** How many "may apply" results this answer would settle. */
  decides: number;
}

const STATUS_ORDER: Record<MatchStatus, number> = { applies: 0, may_apply: 1, does_not_apply: 2 };

function inForce(rule: Rule, today: string): boolean {
  return (!rule.valid_from || rule.valid_from <= today) && (!rule.valid_to || rule.valid_to >= today);
}

/**
 * A rule's outcome depends only on the facts its conditions name, so it is kept per (rule, those facts' values) for
 * the rule book's life (one content version): profiles that share those answers share the evaluation. Measured: the
 * evaluations were a tenth of a policy-match request's cost.
 */
interface PreparedRule {
  rule: Rule;
  facts: FactName[];
  date: string;
}

interface BookCache {
  prepared: PreparedRule[];
  outcomes: Map<string, MatchResult>;
}

const caches = new WeakMap<RuleBook, BookCache>();
/** Bounded: when full it starts again (the common outcomes come straight back). */
const MAX_OUTCOMES = 20_000;

function cacheOf(book: RuleBook, store: ContentStore): BookCache {
  let cache = caches.get(book);
  if (!cache) {
    const prepared = book.rules.map((rule) => ({ rule, facts: [...new Set(leavesOf(rule.condition).map((l) => l.fact))], date: store.get('policies', rule.policy)?.date ?? '' }));
    cache = { prepared, outcomes: new Map() };
    caches.set(book, cache);
  }
  return cache;
}

/** The key of a rule's outcome, or null when it depends on a number the investor gave (amounts rarely repeat). */
function outcomeKey(p: PreparedRule, facts: Facts): string | null {
  let key = p.rule.id;
  for (const fact of p.facts) {
    const value = facts[fact];
    if (typeof value === 'number') return null;
    key += value === undefined ? '|' : typeof value === 'string' || Array.isArray(value) ? `|${JSON.stringify(value)}${isEvidenceSet(value) ? '~' : ''}` : `|${value}`;
  }
  return key;
}

function outcomeOf(p: PreparedRule, facts: Facts, book: RuleBook, cache: BookCache): MatchResult {
  const key = outcomeKey(p, facts);
  let outcome = key === null ? undefined : cache.outcomes.get(key);
  if (!outcome) {
    const evaluation = evaluate(p.rule.condition, facts, book.parameters);
    const status: MatchStatus = evaluation.truth === 'met' ? 'applies' : evaluation.truth === 'unknown' ? 'may_apply' : 'does_not_apply';
    outcome = { rule: p.rule, status, evaluation, shared: key !== null };
    if (key !== null) {
      if (cache.outcomes.size >= MAX_OUTCOMES) cache.outcomes.clear();
      cache.outcomes.set(key, outcome);
    }
  }
  return outcome;
}

/** `today` is the date in Beijing (platform/clock.ts): a rule comes into force at midnight there, not in UTC. */
export function matchPolicies(book: RuleBook, store: ContentStore, facts: Facts, today: string): { results: MatchResult[]; nextQuestions: NextQuestion[] } {
  const cache = cacheOf(book, store);
  const dated = cache.prepared
    .filter((p) => inForce(p.rule, today))
    .map((p) => ({ result: outcomeOf(p, facts, book, cache), date: p.date }))
    .sort((a, b) => STATUS_ORDER[a.result.status] - STATUS_ORDER[b.result.status] || b.result.rule.relevance - a.result.rule.relevance || (b.date > a.date ? 1 : b.date < a.date ? -1 : 0));
  const results = dated.map((d) => d.result);
  const open = new Map<FactName, { leaf: Leaf; rules: Set<string> }>();
  for (const r of results.filter((x) => x.status === 'may_apply')) {
    for (const leaf of r.evaluation.missing) {
      const entry = open.get(leaf.fact) ?? { leaf, rules: new Set<string>() };
      entry.rules.add(r.rule.id);
      open.set(leaf.fact, entry);
    }
  }
  const questionOf = (fact: FactName, leaf: Leaf) => {
    const q = book.facts.find((f) => f.id === fact);
    return leaf.question ?? (q ? { en: q.en.question, zh: q.zh.question } : { en: fact, zh: fact });
  };
  const nextQuestions = [...open.entries()]
    .map(([fact, { leaf, rules }]) => ({ fact, question: questionOf(fact, leaf), decides: rules.size }))
    .sort((a, b) => b.decides - a.decides);
  return { results, nextQuestions };
}
