/**
 * Finds the site terms (content/site-terms) in a text: English terms match at the start of a word, case-insensitive
 * ("cultural" must not match inside "agricultural"); Chinese terms match anywhere, since Chinese has no spaces.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { SiteTerm } from '../content/index.js';

export interface TermHit {
  term: string;
  /** The language of the text the term was found in (English first). */
  lang: Lang;
  /** The term found in each language's text, so evidence quotes the words the reader sees. */
  byLang: Partial<Record<Lang, string>>;
}

/** The term to quote on a page in `lang`: the one found in that language's text, else the other one. */
export const termIn = (hit: TermHit, lang: Lang) => hit.byLang[lang] ?? hit.term;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new WeakMap<SiteTerm, RegExp>();

function englishPattern(entry: SiteTerm): RegExp {
  let pattern = compiled.get(entry);
  if (!pattern) {
    // Longest first, so "industrial park" is reported rather than a shorter term inside it.
    const alternatives = [...entry.en.terms].sort((a, b) => b.length - a.length).map(escape);
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${alternatives.join('|')})`, 'iu');
    compiled.set(entry, pattern);
  }
  return pattern;
}

/** The first term of `entry` found in the text, English first. */
export function findTerm(entry: SiteTerm, text: { en: string; zh: string }): TermHit | null {
  const english = englishPattern(entry).exec(text.en)?.[1];
  const chinese = [...entry.zh.terms].sort((a, b) => b.length - a.length).find((term) => text.zh.includes(term));
  if (english) return { term: english, lang: 'en', byLang: { en: english, zh: chinese } };
  return chinese ? { term: chinese, lang: 'zh', byLang: { zh: chinese } } : null;
}

/** What kind of space a name describes; an industrial term wins ("factory building" is not an office). */
export function spaceOf(terms: readonly SiteTerm[], text: { en: string; zh: string }): { space: 'office' | 'industrial'; hit: TermHit; entry: SiteTerm } | null {
  for (const space of ['industrial', 'office'] as const) {
    const entry = terms.find((t) => t.applies_to === 'space' && t.space === space);
    const hit = entry ? findTerm(entry, text) : null;
    if (entry && hit) return { space, hit, entry };
  }
  return null;
}
