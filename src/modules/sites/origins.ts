/**
 * Where the guide ties an investor's country of origin to a place: its international cooperation zones. The guide
 * names two — the Sino-German zone in Shunyi (whose 2025 measures also name a "Sino-German (European) Hidden
 * Champion Forum") and the Sino-Japanese zone in Daxing — and no other country's zone (no Sino-Korean one).
 * The evidence quoted is the sentence of the park's own text (content/parks) that makes the link.
 */
import type { ContentStore, Park } from '../content/index.js';

export const ORIGINS = ['germany', 'japan', 'europe', 'korea', 'other'] as const;
export type Origin = (typeof ORIGINS)[number];

type Bi = { en: string; zh: string };

export interface OriginLink {
  park: string;
  /** Points for the zone itself; its district gets half. */
  points: number;
  /** Words that find the linking sentence in the park's description, per language. */
  words: Bi;
  /** "German investors", in each language. */
  who: Bi;
}

const LINKS: Partial<Record<Origin, OriginLink>> = {
  germany: { park: 'sino-german-zone', points: 2, words: { en: 'Sino-German cooperation', zh: '中德合作' }, who: { en: 'German investors', zh: '德国投资者' } },
  japan: { park: 'sino-japanese-zone', points: 2, words: { en: 'between China and Japan', zh: '中日双向交流合作' }, who: { en: 'Japanese investors', zh: '日本投资者' } },
  europe: { park: 'sino-german-zone', points: 1, words: { en: 'Sino-German (European)', zh: '中德（欧）' }, who: { en: 'European investors', zh: '欧洲投资者' } },
};

const sentences = (text: string, lang: 'en' | 'zh') => (lang === 'zh' ? text.split(/(?<=。)/u) : text.split(/(?<=\.)\s+/)).map((s) => s.trim()).filter(Boolean);

/** The zone the guide links to investors of this origin, with the sentence that links them (or the zone's name). */
export function originLink(store: ContentStore, origin: Origin | undefined): (OriginLink & { zone: Park; evidence: Bi }) | null {
  const link = origin ? LINKS[origin] : undefined;
  const zone = link ? store.get('parks', link.park) : undefined;
  if (!link || !zone) return null;
  const find = (lang: 'en' | 'zh') => sentences(zone[lang].description, lang).find((s) => s.includes(link.words[lang])) ?? zone[lang].name;
  return { ...link, zone, evidence: { en: find('en'), zh: find('zh') } };
}
