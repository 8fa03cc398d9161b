/** A short window of a passage around the first matching word, and the spans to highlight in it. */
import { stem } from './tokenize.js';

const WINDOW = 180;

function matchers(terms: string[]): RegExp | null {
  const words = terms
    .map((t) => (/\p{Script=Han}/u.test(t) ? t : stem(t)))
    .filter((t) => t.length >= 2 || /\d/.test(t))
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return words.length ? new RegExp(`(${words.join('|')})`, 'giu') : null;
}

export function snippetOf(passage: string, terms: string[]): string {
  const pattern = matchers(terms);
  const first = pattern ? passage.search(pattern) : -1;
  if (first < 0 || passage.length <= WINDOW) return passage.length <= WINDOW ? passage : `${passage.slice(0, WINDOW)}…`;
  const start = Math.max(0, first - 60);
  const end = Math.min(passage.length, start + WINDOW);
  return `${start > 0 ? '…' : ''}${passage.slice(start, end)}${end < passage.length ? '…' : ''}`;
}

/** Splits text into plain and matching parts, for rendering <mark> without building HTML strings. */
export function highlightParts(text: string, terms: string[]): { text: string; match: boolean }[] {
  const pattern = matchers(terms);
  if (!pattern) return [{ text, match: false }];
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: pattern.test(part) && (pattern.lastIndex = 0) === 0 }));
}
