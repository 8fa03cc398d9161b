/**
 * The policy-match answer as plain objects in the shape of match.schemas.ts; Fastify serialises it from that schema.
 * What does not depend on the profile (a rule's policy, benefit and sources; a condition's label and quote) is built
 * once per content version and language and shared between answers.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import { factValueLabel } from './fact-labels.js';
import type { MatchResult, NextQuestion } from './match.js';
import type { MatchResponse, MatchResultJson, UnderstoodJson } from './match.schemas.js';
import type { Leaf, Rule } from '../content/index.js';

type Source = NonNullable<MatchResultJson['sources']>[number];
type Condition = { condition: string; quote: string | null };

interface RuleParts {
  policy: MatchResultJson['policy'];
  benefits: string[];
  sources: Source[];
}

const ruleParts = new WeakMap<ContentStore, Record<Lang, Map<string, RuleParts>>>();
const conditions = new WeakMap<Leaf, Record<Lang, Condition>>();

function partsOf(rule: Rule, store: ContentStore, lang: Lang): RuleParts {
  let perLang = ruleParts.get(store);
  if (!perLang) ruleParts.set(store, (perLang = { en: new Map(), zh: new Map() }));
  let parts = perLang[lang].get(rule.id);
  if (!parts) {
    const policy = store.get('policies', rule.policy)!;
    parts = {
      policy: { id: policy.id, title: policy[lang].title, document_number: policy.doc_number ?? null, url: `/${lang}/policies/${policy.id}` },
      benefits: [rule[lang].benefit],
      sources: rule.sources,
    };
    perLang[lang].set(rule.id, parts);
  }
  return parts;
}

function conditionOf(leaf: Leaf, lang: Lang, full: boolean): Condition | { condition: string } {
  if (!full) return { condition: leaf.label[lang] };
  let both = conditions.get(leaf);
  if (!both) {
    const quote = (leaf as Leaf & { quote?: string }).quote ?? null;
    both = { en: { condition: leaf.label.en, quote }, zh: { condition: leaf.label.zh, quote } };
    conditions.set(leaf, both);
  }
  return both[lang];
}

/** JSON has no undefined: a value the evaluator has none for is null; an object ("anything but …") keeps its inner value. */
function plainValue(value: unknown): string | number | boolean | (string | number)[] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return plainValue((value as { not?: unknown }).not);
  return value as string | number | boolean | (string | number)[];
}

function sourcesOf(result: MatchResult, parts: RuleParts): Source[] {
  // The rule's own sources, then those of the conditions it was judged on, each once (a handful: a list beats a Set).
  const sources = parts.sources.slice();
  const add = (leaf: Leaf) => {
    const s = leaf.source;
    if (s && !sources.some((x) => x.document === s.document && x.section === s.section && x.url === s.url)) sources.push(s);
  };
  for (const leaf of result.evaluation.passed) add(leaf);
  for (const f of result.evaluation.failed) add(f.leaf);
  return sources;
}

/**
 * An outcome shared between profiles (same rule, same values of the facts it names — see match.ts) gives the same
 * result object: it is built once per language and detail and reused. Measured in process, building the objects was
 * a third of a request's cost with 107 rules.
 */
const built = new WeakMap<MatchResult, Partial<Record<`${Lang}:${boolean}`, MatchResultJson>>>();

/** `full` adds each condition's quote and the sources; the compact default keeps answers small (see bench/RESULTS.md). */
export function matchResultJson(result: MatchResult, store: ContentStore, lang: Lang, full = false): MatchResultJson {
  if (!result.shared) return buildResultJson(result, store, lang, full);
  let forOutcome = built.get(result);
  if (!forOutcome) built.set(result, (forOutcome = {}));
  return (forOutcome[`${lang}:${full}`] ??= buildResultJson(result, store, lang, full));
}

function buildResultJson(result: MatchResult, store: ContentStore, lang: Lang, full: boolean): MatchResultJson {
  const parts = partsOf(result.rule, store, lang);
  const { passed, failed, missing } = result.evaluation;
  return {
    rule: result.rule.id,
    policy: parts.policy,
    status: result.status,
    benefit_type: result.rule.benefit_type,
    reasons: {
      passed: passed.map((leaf) => conditionOf(leaf, lang, full)),
      failed: failed.map((f) => ({
        ...conditionOf(f.leaf, lang, full),
        given: plainValue(f.given),
        given_label: factValueLabel(store, lang, f.leaf.fact, f.given),
        needed: plainValue(f.needed),
        needed_label: factValueLabel(store, lang, f.leaf.fact, f.needed),
      })),
      missing: missing.map((leaf) => ({ ...conditionOf(leaf, lang, full), fact: leaf.fact })),
    },
    benefits: parts.benefits,
    ...(full ? { sources: sourcesOf(result, parts) } : {}),
  };
}

export interface AnswerPage {
  limit: number;
  offset: number;
  statuses: readonly MatchResult['status'][];
}

/** One page of the results (of the statuses asked for), with counts over all of them and the questions still open. */
export function matchAnswer(understood: Record<string, UnderstoodJson>, results: MatchResult[], nextQuestions: NextQuestion[], store: ContentStore, lang: Lang, full: boolean, page: AnswerPage): MatchResponse {
  const counts = { applies: 0, may_apply: 0, does_not_apply: 0 };
  for (const r of results) counts[r.status]++;
  const chosen = results.filter((r) => page.statuses.includes(r.status));
  return {
    understood,
    counts,
    total: chosen.length,
    limit: page.limit,
    offset: page.offset,
    results: chosen.slice(page.offset, page.offset + page.limit).map((r) => matchResultJson(r, store, lang, full)),
    next_questions: nextQuestions.map((q) => ({ fact: q.fact, question: q.question[lang], decides: q.decides })),
  };
}
