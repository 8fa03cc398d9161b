/** Which policies apply to an investor, and why: every rule evaluated, ordered, with the questions still open. */
import type { ContentStore } from '../content/index.js';
import { evaluate, isEvidenceSet, type Evaluation, type Facts } from './evaluate.js';
import { type RuleBook } from './rule-book.js';
import { leavesOf } from '../content/index.js';
import type { FactName, Leaf, Rule } from '../content/index.js';

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
}

/**
 * Outcomes per rule, in a tree keyed by the answers to the facts the rule names, in order. Each key part is one
 * string object per request, so its hash is computed once however many rules use it (measured: one long joined key
 * per rule spent a tenth of the request hashing).
 */
interface OutcomeNode {
  outcome?: MatchResult;
  next?: Map<string, OutcomeNode>;
}

interface BookCache {
  /** In display order among equals: most relevant first, then the newest policy. */
  prepared: PreparedRule[];
  outcomes: Map<string, OutcomeNode>;
  size: number;
}

const caches = new WeakMap<RuleBook, BookCache>();
/** Bounded: when full it starts again (the common outcomes come straight back). */
const MAX_OUTCOMES = 20_000;

function cacheOf(book: RuleBook, store: ContentStore): BookCache {
  let cache = caches.get(book);
  if (!cache) {
    const dateOf = (rule: Rule) => store.get('policies', rule.policy)?.date ?? '';
    const prepared = book.rules
      .map((rule) => ({ rule, facts: [...new Set(leavesOf(rule.condition).map((l) => l.fact))] }))
      .sort((a, b) => b.rule.relevance - a.rule.relevance || (dateOf(b.rule) > dateOf(a.rule) ? 1 : dateOf(b.rule) < dateOf(a.rule) ? -1 : 0));
    cache = { prepared, outcomes: new Map(), size: 0 };
    caches.set(book, cache);
  }
  return cache;
}

/** Each answer as it enters an outcome key, written once per request; null for a number (amounts rarely repeat). */
type ValueKeys = Partial<Record<FactName, string | null>>;

function valueKeyOf(value: Facts[FactName]): string | null {
  if (typeof value === 'number') return null;
  if (value === undefined) return '';
  return typeof value === 'string' || Array.isArray(value) ? `${JSON.stringify(value)}${isEvidenceSet(value) ? '~' : ''}` : String(value);
}

/** The rule's node in the outcome tree for these answers, or null when an answer is a number (not kept). */
function outcomeNode(p: PreparedRule, facts: Facts, keys: ValueKeys, cache: BookCache): OutcomeNode | null {
  let node = cache.outcomes.get(p.rule.id);
  if (!node) cache.outcomes.set(p.rule.id, (node = {}));
  for (const fact of p.facts) {
    let part = keys[fact];
    if (part === undefined) part = keys[fact] = valueKeyOf(facts[fact]);
    if (part === null) return null;
    node.next ??= new Map();
    let child = node.next.get(part);
    if (!child) node.next.set(part, (child = {}));
    node = child;
  }
  return node;
}

function outcomeOf(p: PreparedRule, facts: Facts, book: RuleBook, cache: BookCache, keys: ValueKeys): MatchResult {
  const node = outcomeNode(p, facts, keys, cache);
  if (node?.outcome) return node.outcome;
  const evaluation = evaluate(p.rule.condition, facts, book.parameters);
  const status: MatchStatus = evaluation.truth === 'met' ? 'applies' : evaluation.truth === 'unknown' ? 'may_apply' : 'does_not_apply';
  const outcome: MatchResult = { rule: p.rule, status, evaluation, shared: node !== null };
  if (node) {
    if (cache.size >= MAX_OUTCOMES) {
      cache.outcomes.clear();
      cache.size = 0;
    } else {
      node.outcome = outcome;
      cache.size++;
    }
  }
  return outcome;
}

/** `today` is the date in Beijing (platform/clock.ts): a rule comes into force at midnight there, not in UTC. */
export function matchPolicies(book: RuleBook, store: ContentStore, facts: Facts, today: string): { results: MatchResult[]; nextQuestions: NextQuestion[] } {
  const cache = cacheOf(book, store);
  const keys: ValueKeys = {};
  // Applies, then may apply, then does not apply; within each, the rules' own order (relevance, then newest).
  const byStatus: Record<MatchStatus, MatchResult[]> = { applies: [], may_apply: [], does_not_apply: [] };
  for (const p of cache.prepared) {
    if (!inForce(p.rule, today)) continue;
    const result = outcomeOf(p, facts, book, cache, keys);
    byStatus[result.status].push(result);
  }
  const results = [...byStatus.applies, ...byStatus.may_apply, ...byStatus.does_not_apply];
  const open = new Map<FactName, { leaf: Leaf; rules: Set<string> }>();
  for (const r of byStatus.may_apply) {
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
