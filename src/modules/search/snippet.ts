/** A short window of a passage around the first matching word, and the spans to highlight in it. */
import { stem } from './tokenize.js';

const WINDOW = 180;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Chinese terms match as they are; an English term matches any word starting with its root ("polic" → "Policies"). */
function matchers(terms: string[]): RegExp | null {
  const words = terms
    .filter((t) => t.length >= 2 || /\d/.test(t))
    .map((t) => {
      if (/\p{Script=Han}/u.test(t) || /\d/.test(t)) return escape(t);
      const root = stem(t).replace(/(?<=.{3})[ye]$/, '');
      return `\\b${escape(root)}[\\p{L}]*`;
    });
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
  const parts: { text: string; match: boolean }[] = [];
  // split() with a capturing group puts the matches at odd positions.
  text.split(pattern).forEach((piece, index) => {
    if (piece === '') return;
    const match = index % 2 === 1;
    const last = parts[parts.length - 1];
    // Chinese bigrams match side by side ("海淀" "区商" "务局"): one mark reads better than three.
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  });
  return parts;
}
