/** Scores answer cards on a positive set (the card must state the fact) and a negative set (no card is right). */
import { readFile } from 'node:fs/promises';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import { answerQuestion } from './answers.js';
import type { SearchIndex } from './search-index.js';

export interface PositiveQuestion { id: string; lang: Lang; question: string; answer: string }
export interface NegativeQuestion { id: string; lang: Lang; question: string; trap: string | null }
export interface AnswerSets { positive: PositiveQuestion[]; negative: NegativeQuestion[] }

export async function readAnswerSets(folder: string): Promise<AnswerSets> {
  const read = async (name: string) => JSON.parse(await readFile(`${folder}/${name}`, 'utf8'));
  return { positive: await read('ask-positive.json'), negative: await read('ask-negative.json') };
}

/** Digits compared without grouping ("2,420" states "2420"). */
const plain = (s: string) => s.toLowerCase().replace(/(\d),(\d)/g, '$1$2').replace(/\s+/g, ' ');

export function evaluateAnswers(index: SearchIndex, store: ContentStore, sets: AnswerSets) {
  const rows: { set: string; lang: Lang; count: number; right: number; wrong: number; none: number }[] = [];
  const misses: { kind: string; id: string; lang: Lang; question: string; card: string | null }[] = [];
  const row = (set: string, lang: Lang) => {
    let r = rows.find((x) => x.set === set && x.lang === lang);
    if (!r) rows.push((r = { set, lang, count: 0, right: 0, wrong: 0, none: 0 }));
    r.count++;
    return r;
  };
  for (const q of sets.positive) {
    const card = answerQuestion(index, store, q.question, q.lang).card;
    const r = row('positive', q.lang);
    if (!card) {
      r.none++;
      misses.push({ kind: 'NONE', id: q.id, lang: q.lang, question: q.question, card: null });
    } else if (plain(`${card.sentence} ${card.value}`).includes(plain(q.answer))) r.right++;
    else {
      r.wrong++;
      misses.push({ kind: 'WRONG', id: q.id, lang: q.lang, question: q.question, card: card.sentence });
    }
  }
  for (const q of sets.negative) {
    const card = answerQuestion(index, store, q.question, q.lang).card;
    const r = row('negative', q.lang);
    if (card) {
      r.wrong++;
      misses.push({ kind: 'CARD', id: q.id, lang: q.lang, question: q.question, card: card.sentence });
    } else r.none++;
  }
  return { rows, misses };
}
