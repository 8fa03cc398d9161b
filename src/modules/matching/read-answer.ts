/**
 * Reads an investor's free-text answer for industry, district, park or FTZ cluster as one of ours, the way a person
 * at the service desk would: by id or name, by the names the glossary and the parks list give (aliases, sub-parks),
 * by the words of an industry's key areas and the project-name terms, and last by the search index. What fits
 * nothing stays unknown — the rules that need it then say "not yet known" — and is never refused.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import type { SearchIndex } from '../search/index.js';

export type AnswerKind = 'industry' | 'district' | 'park' | 'ftz_cluster';
export type ReadHow = 'id' | 'name' | 'alias' | 'key_area' | 'search' | 'unknown';

export interface ReadAnswer {
  id: string | null;
  how: ReadHow;
  label: { en: string; zh: string } | null;
  /** The sub-park named, when the answer was one (its districts follow from it). */
  subPark?: { id: string; districts: string[]; label: { en: string; zh: string } };
  /** The words that decided it, for the investor to check ("robotics" → key area "Robots"). */
  matched?: string;
}

interface Name {
  id: string;
  text: string;
  how: 'name' | 'alias' | 'key_area';
  subPark?: ReadAnswer['subPark'];
}

/** Lower case, one space, no brackets' content, no generic tail words ("District", "Park" stays: it tells sub-parks). */
export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[()（）]/g, ' ')
    .replace(/[‐‑–—-]/g, '-')
    .replace(/[\s,.;:"'“”’]+/g, ' ')
    .replace(/\b(the|of|in|beijing)\b|北京市?/g, ' ')
    .replace(/\s+(district|industry|industries|sector|area|zone|cluster)$|(区|产业|行业|组团|片区)$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const cache = new WeakMap<ContentStore, Record<AnswerKind, Name[]>>();

function namesOf(store: ContentStore): Record<AnswerKind, Name[]> {
  let names = cache.get(store);
  if (names) return names;
  names = { industry: [], district: [], park: [], ftz_cluster: [] };
  const add = (kind: AnswerKind, id: string, texts: string[], how: Name['how'], subPark?: Name['subPark']) => {
    // "… Development Area (Yizhuang)": the name with and without its bracket, and the bracket alone, all name it.
    const variants = texts.flatMap((text) => {
      const bracket = /^(.*?)\s*[(（]([^)）]+)[)）]\s*$/u.exec(text);
      return bracket ? [text, bracket[1], bracket[2]] : [text];
    });
    for (const text of variants) {
      const n = normaliseName(text);
      if (n.length >= 2) names![kind].push({ id, text: n, how, subPark });
    }
  };
  for (const d of store.districts) add('district', d.id, [d.en.name, d.zh.name], 'name');
  for (const c of store.all('zones').filter((z) => z.zone_type === 'ftz_cluster')) add('ftz_cluster', c.id, [c.en.name, c.zh.name], 'name');
  for (const p of store.all('parks')) {
    add('park', p.id, [p.en.name, p.zh.name], 'name');
    add('park', p.id, p.aliases, 'alias');
    for (const sub of p.sub_parks) {
      const subPark = { id: sub.id, districts: sub.districts, label: { en: sub.en.name, zh: sub.zh.name } };
      add('park', p.id, [sub.en.name, sub.zh.name, ...sub.en.aliases, ...sub.zh.aliases], 'alias', subPark);
    }
  }
  for (const i of store.all('industries')) {
    add('industry', i.id, [i.en.name, i.zh.name], 'name');
    // A key area's head ("Robots", "Innovative medical devices", "集成电路") names the kind of business.
    add('industry', i.id, [...i.en.key_areas, ...i.zh.key_areas].map((area) => area.split(/[:：]/)[0].replace(/\.$/, '')), 'key_area');
  }
  for (const term of store.all('site-terms')) if (term.applies_to === 'industry' && term.industry) add('industry', term.industry, [...term.en.terms, ...term.zh.terms], 'key_area');
  for (const g of store.glossary) {
    const ref = g.refers_to;
    if (!ref) continue;
    const kind: AnswerKind | null = ref.kind === 'districts' ? 'district' : ref.kind === 'parks' ? 'park' : ref.kind === 'industries' ? 'industry' : null;
    if (kind) add(kind, ref.id, [g.en.term, g.zh.term, ...g.aliases], 'alias');
  }
  cache.set(store, names);
  return names;
}

const isHan = (s: string) => /\p{Script=Han}/u.test(s);
/** "robotics" → "robot", "devices" → "device": enough stemming to meet the guide's words. */
const stem = (word: string) => word.replace(/(ics|ies|es|s)$/, '').replace(/(ing|ed)$/, '');

/** Does the answer contain this name as whole words (English, stemmed) or as characters (Chinese)? */
function contains(answer: string, name: string): boolean {
  if (isHan(name)) return answer.includes(name);
  const words = answer.split(' ').map(stem);
  const wanted = name.split(' ').map(stem);
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, j) => w === words[i + j] || (w.length >= 4 && words[i + j].startsWith(w)))) return true;
  }
  return false;
}

function labelOf(store: ContentStore, kind: AnswerKind, id: string): { en: string; zh: string } {
  const item =
    kind === 'district' ? store.districts.find((d) => d.id === id) : kind === 'industry' ? store.get('industries', id) : kind === 'park' ? store.get('parks', id) : store.get('zones', id);
  const named = item as { en: { name: string }; zh: { name: string } } | undefined;
  return named ? { en: named.en.name, zh: named.zh.name } : { en: id, zh: id };
}

/**
 * Last resort for an industry: the policy that the words find first, when it is a strong hit (its title or summary
 * holds the words) and names the industries it is for — its first industry is the one it is mainly about
 * ("telecommunications" → the value-added telecom pilot → information services). Weak hits decide nothing: measured,
 * scores under ~20 came from a word in passing ("retail" in the data-export list).
 */
const STRONG_HIT = 20;

function industryBySearch(given: string, store: ContentStore, index: SearchIndex): ReadAnswer | null {
  const lang: Lang = isHan(given) ? 'zh' : 'en';
  const hit = index.search(given, { lang, type: 'policies', limit: 1 }).hits[0];
  if (!hit || hit.score < STRONG_HIT) return null;
  const policy = store.get('policies', hit.unit.id);
  const industry = policy?.industries[0];
  if (!policy || !industry) return null;
  return { id: industry, how: 'search', label: labelOf(store, 'industry', industry), matched: policy[lang].title };
}

export function readAnswer(kind: AnswerKind, given: string, store: ContentStore, index: SearchIndex): ReadAnswer {
  const names = namesOf(store)[kind];
  const found = (id: string, how: ReadHow, name?: Name): ReadAnswer => ({
    id,
    how,
    label: name?.subPark?.label ?? labelOf(store, kind, id),
    ...(name?.subPark ? { subPark: name.subPark } : {}),
    ...(name && how !== 'id' ? { matched: name.text } : {}),
  });
  if (names.some((n) => n.id === given)) return found(given, 'id');
  const answer = normaliseName(given);
  const exact = names.find((n) => n.text === answer);
  if (exact) return found(exact.id, exact.how, exact);
  // The longest name the answer contains wins ("Zhongguancun Haidian Park" → the sub-park, not "Zhongguancun").
  const contained = names.filter((n) => contains(answer, n.text)).sort((a, b) => b.text.length - a.text.length);
  if (contained.length) return found(contained[0].id, contained[0].how, contained[0]);
  const searched = kind === 'industry' ? industryBySearch(given, store, index) : null;
  if (searched) return searched;
  return { id: null, how: 'unknown', label: null };
}
