/** Which policies apply to an investor, and why: every rule evaluated, ordered, with the questions still open. */
import type { ContentStore } from '../content/index.js';
import { evaluate, type Evaluation, type Facts } from './evaluate.js';
import type { RuleBook } from './rule-book.js';
import type { FactName, Leaf, Rule } from './rules.schemas.js';

export type MatchStatus = 'applies' | 'may_apply' | 'does_not_apply';

export interface MatchResult {
  rule: Rule;
  status: MatchStatus;
  evaluation: Evaluation;
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

export function matchPolicies(book: RuleBook, store: ContentStore, facts: Facts, today = new Date().toISOString().slice(0, 10)): { results: MatchResult[]; nextQuestions: NextQuestion[] } {
  const results = book.rules
    .filter((rule) => inForce(rule, today))
    .map((rule) => {
      const evaluation = evaluate(rule.condition, facts, book.parameters);
      const status: MatchStatus = evaluation.truth === 'met' ? 'applies' : evaluation.truth === 'unknown' ? 'may_apply' : 'does_not_apply';
      return { rule, status, evaluation, date: store.get('policies', rule.policy)?.date ?? '' };
    })
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.rule.relevance - a.rule.relevance || (b.date > a.date ? 1 : b.date < a.date ? -1 : 0));
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
