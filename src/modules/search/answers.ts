/**
 * Answers to natural-language questions from the platform's own content: the best passages with citations, and,
 * when the question asks for a structured fact (phone, address, rent, price, rate, time limit, documents, …),
 * an answer card that states the fact in a sentence in the question's language. No external AI service is used.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import type { SearchHit, SearchIndex } from './search-index.js';
import { factFromHit, type AnswerCard } from './answer-facts.js';
import { detectIntents, INTENT_TYPES, type Intent } from './intents.js';
import { subjectTerms, termsOf } from './answer-subject.js';

export interface Answer {
  question: string;
  lang: Lang;
  intents: Intent[];
  card: AnswerCard | null;
  passages: SearchHit[];
  /** True when nothing relevant was found; the page then offers contacts instead. */
  noAnswer: boolean;
}

export function answerQuestion(index: SearchIndex, store: ContentStore, question: string, lang: Lang): Answer {
  const outcome = index.search(question, { lang, limit: 5, perItem: 2 });
  const intents = detectIntents(question);
  let card: AnswerCard | null = null;
  const topScore = outcome.hits[0]?.score ?? 0;
  // The fact comes from the best passage of a kind that holds such facts, and only if that passage ranks close to
  // the top: a weak match must not be stated as an answer (the passages are still shown).
  const subject = subjectTerms(question);
  for (const intent of intents) {
    // Of the facts that agree with the question, the one whose subject adds the fewest words of its own: "the
    // Commerce Bureau's phone" is the bureau's, not that of a body the bureau hosts.
    const cards = outcome.hits
      .filter((h) => INTENT_TYPES[intent].includes(h.unit.type) && h.score >= topScore * 0.5)
      .map((h) => factFromHit(h, intent, store, lang, subject))
      .filter((c): c is AnswerCard => c !== null);
    const extra = (c: AnswerCard) => [...termsOf(c.subject)].filter((t) => !subject.terms.includes(t)).length;
    card = cards.reduce<AnswerCard | null>((best, c) => (best === null || extra(c) < extra(best) ? c : best), null);
    if (card) break;
  }
  return { question, lang, intents, card, passages: outcome.hits, noAnswer: outcome.hits.length === 0 };
}
