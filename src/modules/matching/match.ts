/** Which policies apply to an investor, and why: every rule evaluated, ordered, with the questions still open. */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import { evaluate, type Evaluation, type Facts, type FactValue } from './evaluate.js';
import type { RuleBook } from './rules.files.js';
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
      return { rule, status, evaluation };
    })
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        b.rule.relevance - a.rule.relevance ||
        (store.get('policies', b.rule.policy)?.date ?? '').localeCompare(store.get('policies', a.rule.policy)?.date ?? ''),
    );
  const open = new Map<FactName, { leaf: Leaf; rules: Set<string> }>();
  for (const r of results.filter((x) => x.status === 'may_apply')) {
    for (const leaf of r.evaluation.missing) {
      const entry = open.get(leaf.fact) ?? { leaf, rules: new Set<string>() };
      entry.rules.add(r.rule.id);
      open.set(leaf.fact, entry);
    }
  }
  const questionOf = (fact: FactName, leaf: Leaf) => {
    const q = book.facts.find((f) => f.fact === fact);
    return leaf.question ?? (q ? { en: q.en.question, zh: q.zh.question } : { en: fact, zh: fact });
  };
  const nextQuestions = [...open.entries()]
    .map(([fact, { leaf, rules }]) => ({ fact, question: questionOf(fact, leaf), decides: rules.size }))
    .sort((a, b) => b.decides - a.decides);
  return { results, nextQuestions };
}

const display = (value: unknown): unknown => value;

/** The API's view of one result, in one language. */
export function serialiseMatch(result: MatchResult, store: ContentStore, lang: Lang) {
  const policy = store.get('policies', result.rule.policy)!;
  const label = (leaf: Leaf) => leaf.label[lang];
  return {
    rule: result.rule.id,
    policy: { id: policy.id, title: policy[lang].title, document_number: policy.doc_number ?? null, url: `/${lang}/policies/${policy.id}` },
    status: result.status,
    benefit_type: result.rule.benefit_type,
    reasons: {
      passed: result.evaluation.passed.map(label),
      failed: result.evaluation.failed.map((f) => ({ condition: label(f.leaf), given: display(f.given) as FactValue, needed: display(f.needed) })),
      missing: result.evaluation.missing.map((leaf) => ({ condition: label(leaf), fact: leaf.fact })),
    },
    benefits: [result.rule[lang].benefit],
    sources: [...result.rule.sources, ...result.evaluation.passed.concat(result.evaluation.failed.map((f) => f.leaf)).flatMap((leaf) => (leaf.source ? [leaf.source] : []))],
  };
}
