/** Scoring of the search against a set of questions with known answer strings (used by eval:search and tests). */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { SearchIndex } from './search-index.js';

export interface EvalQuestion {
  id: string;
  lang: Lang;
  question: string;
  answers: string[];
}

export interface LangReport {
  count: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export function evaluateSearch(index: SearchIndex, questions: EvalQuestion[]) {
  const byLang: Record<string, { count: number; at1: number; at5: number; rr: number }> = {};
  const misses: { id: string; lang: Lang; question: string; top: string[] }[] = [];
  for (const q of questions) {
    const outcome = index.search(q.question, { lang: q.lang, limit: 5 });
    const rank = outcome.hits.findIndex((hit) => {
      // The result shows its title, passage and the official link of its source: the answer may be in any of them.
      const text = `${hit.unit.title[q.lang]} ${hit.unit.passage[q.lang]} ${hit.unit.source.url ?? ''}`.toLowerCase();
      return q.answers.every((a) => text.includes(a.toLowerCase()));
    });
    const entry = (byLang[q.lang] ??= { count: 0, at1: 0, at5: 0, rr: 0 });
    entry.count++;
    if (rank === 0) entry.at1++;
    if (rank >= 0) {
      entry.at5++;
      entry.rr += 1 / (rank + 1);
    } else {
      misses.push({ id: q.id, lang: q.lang, question: q.question, top: outcome.hits.slice(0, 3).map((h) => `${h.unit.type}:${h.unit.id}`) });
    }
  }
  const result: Record<string, LangReport> = {};
  for (const [lang, e] of Object.entries(byLang)) result[lang] = { count: e.count, recallAt1: e.at1 / e.count, recallAt5: e.at5 / e.count, mrr: e.rr / e.count };
  return { byLang: result, misses };
}
