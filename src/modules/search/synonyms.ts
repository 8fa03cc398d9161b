/**
 * Query expansion. Investors use everyday words ("green card", "set up a company", "pension") where the guide uses
 * official terms ("permanent residence", "enterprise establishment", "basic endowment insurance").
 * Platform terms come from the glossary's aliases (content, both languages); the few plain-English equivalents
 * below are search vocabulary, not facts, so they live here.
 */
import type { GlossaryTerm } from '../content/index.js';

const EVERYDAY_ENGLISH: [RegExp, string][] = [
  [/\bcompan(y|ies)\b/i, 'enterprise'],
  [/\bset(ting)? up\b|\bincorporat\w*\b|\bregister a (company|business)\b/i, 'establishment'],
  [/\bpension\b/i, 'endowment insurance'],
  [/\bsalar(y|ies)\b|\bpay\b/i, 'wage'],
  [/\bhq\b/i, 'headquarters'],
  [/\bgreen card\b/i, 'permanent residence'],
  [/\bland use\b/i, 'land'],
  [/\bindustrial\b/i, 'industry'],
  [/\bvisa on arrival\b|\blanding visa\b/i, 'port visa'],
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Expander {
  expand(query: string): string;
}

export function buildExpander(glossary: readonly GlossaryTerm[]): Expander {
  const rules: [RegExp, string][] = [...EVERYDAY_ENGLISH];
  for (const term of glossary) {
    for (const alias of term.aliases) {
      const han = /\p{Script=Han}/u.test(alias);
      // Very short Latin aliases ("PR", "RO") would match inside ordinary words and questions.
      if (!han && alias.length < 3) continue;
      const pattern = han ? new RegExp(escape(alias), 'u') : new RegExp(`\\b${escape(alias.toLowerCase())}\\b`, 'i');
      // Expand within the query's own language: the other language's term would mostly match the bilingual
      // glossary entry itself rather than the content that answers the question.
      rules.push([pattern, han ? term.zh.term : term.en.term.replace(/\s*\(.*\)\s*$/, '')]);
    }
  }
  return {
    expand(query: string): string {
      const lower = query.toLowerCase();
      const additions = rules
        .filter(([pattern, expansion]) => pattern.test(query) && !lower.includes(expansion.toLowerCase()))
        .map(([, expansion]) => expansion);
      return additions.length ? `${query} ${[...new Set(additions)].join(' ')}` : query;
    },
  };
}
