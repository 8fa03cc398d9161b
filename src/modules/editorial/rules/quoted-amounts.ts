/**
 * A threshold lives in a rule parameter, but the sentences investors read quote it ("at least USD 2 million",
 * "不低于200万美元"): the condition's label in each rule that uses the parameter, and the parameter's own name. When a
 * revision changes the amount and a sentence still quotes the old one, the policy match would evaluate one amount and
 * state another. The rule tests page lists such sentences so the editor changes them too and the reviewer sees it.
 */
import { leavesOf, type Parameter, type Rule } from '../../content/index.js';

/** The ways the sources and the rules write an amount: 2000000 · 2,000,000 · 2 million · 200万 · 2亿. */
export function amountSpellings(value: number): string[] {
  const spellings = new Set<string>([String(value), value.toLocaleString('en-US')]);
  if (value >= 1e6 && value % 1e5 === 0) spellings.add(`${value / 1e6} million`);
  if (value >= 1e4 && value % 1e4 === 0) spellings.add(`${value / 1e4}万`);
  if (value >= 1e8 && value % 1e7 === 0) spellings.add(`${value / 1e8}亿`);
  return [...spellings];
}

/** `text` quotes `value` in one of its spellings, not as part of a longer number ("12 million" does not quote 2 million). */
export function quotes(text: string, value: number): boolean {
  return amountSpellings(value).some((spelling) => new RegExp(`(?<![\\d.,])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d])`).test(text));
}

export interface StaleSentence {
  /** The rule whose condition says it, or null for the parameter's own name. */
  ruleId: string | null;
  lang: 'en' | 'zh';
  sentence: string;
}

/**
 * The sentences that still quote `before`'s amount after the parameter became `after` (numbers only; nothing when the
 * amount did not change): each condition label of `rules` that uses the parameter, and the parameter's own names.
 */
export function staleSentences(before: Parameter | undefined, after: Parameter | undefined, rules: readonly Rule[]): StaleSentence[] {
  if (!before || !after || typeof before.value !== 'number' || typeof after.value !== 'number' || before.value === after.value) return [];
  const old = before.value;
  const now = after.value;
  const stale = (text: string) => quotes(text, old) && !quotes(text, now);
  const found: StaleSentence[] = [];
  for (const lang of ['en', 'zh'] as const) if (stale(after[lang].label)) found.push({ ruleId: null, lang, sentence: after[lang].label });
  for (const rule of rules) {
    for (const leaf of leavesOf(rule.condition).filter((l) => l.param === after.id)) {
      for (const lang of ['en', 'zh'] as const) if (stale(leaf.label[lang])) found.push({ ruleId: rule.id, lang, sentence: leaf.label[lang] });
    }
  }
  return found;
}
