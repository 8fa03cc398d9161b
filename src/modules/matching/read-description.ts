/**
 * What an investor's own description says about a set fact: "R&D and manufacturing of humanoid robots" names the
 * business lines robots, embodied intelligence and manufacturing, by the words content/rules/facts.json gives for
 * each value. A word inside a longer one that names another value does not count on its own: "traditional Chinese
 * medicine hospital" is a TCM hospital, not also a (general) hospital, which the hospital pilot excludes.
 */
import type { ContentStore } from '../content/index.js';
import type { FactName } from '../content/index.js';

interface Span {
  value: string;
  term: string;
  /** Positions in words (English) or characters (Chinese): spans are compared only within one space. */
  space: 'word' | 'char';
  from: number;
  to: number;
}

const HAN = /\p{Script=Han}/u;
const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
/** "robotics" meets "robot", "batteries" meets "battery": plurals and -ics endings only. */
const stem = (word: string) => word.replace(/(ies)$/, 'y').replace(/(ics|es|s)$/, '');

function spansOf(text: string, said: string[], value: string, term: string): Span[] {
  const found: Span[] = [];
  if (HAN.test(term)) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) found.push({ value, term, space: 'char', from: at, to: at + term.length });
    return found;
  }
  const wanted = words(term).map(stem);
  for (let i = 0; i + wanted.length <= said.length; i++) {
    const fits = wanted.every((w, j) => w === said[i + j] || (w.length >= 4 && said[i + j].startsWith(w)));
    if (fits) found.push({ value, term, space: 'word', from: i, to: i + wanted.length });
  }
  return found;
}

const inside = (a: Span, b: Span) => a !== b && a.space === b.space && a.value !== b.value && b.from <= a.from && a.to <= b.to && b.to - b.from > a.to - a.from;

/** The values of `fact` the description names, each with the words that named it. */
export function valuesInDescription(store: ContentStore, fact: FactName, description: string): { value: string; term: string }[] {
  const terms = store.all('rule-facts').find((f) => f.id === fact)?.value_terms;
  if (!terms) return [];
  const said = words(description).map(stem);
  const spans = Object.entries(terms).flatMap(([value, t]) => [...t.en, ...t.zh].flatMap((term) => spansOf(description, said, value, term)));
  const kept = spans.filter((a) => !spans.some((b) => inside(a, b)));
  const seen = new Map<string, string>();
  for (const span of kept) if (!seen.has(span.value)) seen.set(span.value, span.term);
  return [...seen.entries()].map(([value, term]) => ({ value, term }));
}
