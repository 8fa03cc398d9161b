/**
 * Answers to natural-language questions from the platform's own content: the best passages with citations, and,
 * when the question asks for a structured fact (phone, address, rent, price, rate, time limit, documents, …),
 * an answer card that states the fact in a sentence in the question's language. No external AI service is used.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import type { SearchHit, SearchIndex } from './search-index.js';
import { factFromHit, type AnswerCard, type Intent } from './answer-facts.js';

/** Words that reveal what kind of fact is asked for, in either language. */
const INTENTS: [Intent, RegExp][] = [
  ['phone', /\b(phone|tel|telephone|call|hotline|number to call|contact number)\b|电话|热线|联系方式|号码/i],
  ['postcode', /\b(post ?code|zip|postal code)\b|邮编|邮政编码/i],
  ['fax', /\bfax\b|传真/i],
  ['email', /\be-?mail\b|邮箱/i],
  ['website', /\b(website|web site|url|online|site)\b|网址|网站|网上/i],
  ['address', /\b(address|where is|located|location|office of)\b|地址|在哪|位置/i],
  ['documents', /\b(documents?|materials?|paperwork|papers|what do i need to (submit|provide|bring))\b|材料|文件|证件/i],
  ['time_limit', /\b(how long|time limit|within|days?|deadline|when|period|how many days)\b|时限|多久|几天|多长时间|期限|截止|什么时候/i],
  ['rent', /\b(rent|rents|rental)\b|租金/i],
  ['price', /\b(price|prices|cost|costs|tariff|how much)\b|价格|价|费用|多少钱/i],
  ['rate', /\b(rate|rates|percentage|percent|contribution)\b|费率|比例|缴费/i],
  ['threshold', /\b(threshold|at least|minimum|requirement|qualif\w*|eligib\w*)\b|至少|门槛|条件|最低/i],
  ['figure', /\b(how many|how much|gdp|total|number of|figure)\b|多少|总量|规模/i],
];

export function detectIntents(question: string): Intent[] {
  return INTENTS.filter(([, pattern]) => pattern.test(question)).map(([intent]) => intent);
}

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
  const outcome = index.search(question, { lang, limit: 5, perItem: 1 });
  const intents = detectIntents(question);
  let card: AnswerCard | null = null;
  // The fact comes from the best passage that holds the kind of fact asked for (looking at the top five only).
  for (const intent of intents) {
    for (const hit of outcome.hits) {
      card = factFromHit(hit, intent, store, lang);
      if (card) break;
    }
    if (card) break;
  }
  return { question, lang, intents, card, passages: outcome.hits, noAnswer: outcome.hits.length === 0 };
}
