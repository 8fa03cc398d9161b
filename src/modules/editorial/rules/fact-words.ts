/** A fact and its values in the page's language, with the questionnaire's own words (the matching module's catalogue). */
import { FACTS, type ContentStore, type FactName } from '../../content/index.js';
import { tMatching } from '../../matching/index.js';
import type { Lang } from '../../../platform/i18n/i18n.js';

type MatchingKey = Parameters<typeof tMatching>[1];
const CHOICE_PREFIX: Partial<Record<FactName, string>> = {
  entity_type: 'profile.entity.',
  statuses: 'profile.status.',
  investor_origin: 'profile.origin.',
  investor_type: 'profile.investorType.',
  business_lines: 'profile.businessLine.',
};

export function factLabel(lang: Lang, fact: string): string {
  return Object.prototype.hasOwnProperty.call(FACTS, fact) ? tMatching(lang, `profile.label.${fact as FactName}`) : fact;
}

/** The words of one value of a fact ("wfoe" → "Wholly foreign-owned enterprise", "haidian" → "Haidian District"). */
export function valueWords(lang: Lang, store: ContentStore, fact: string, value: string): string {
  const prefix = CHOICE_PREFIX[fact as FactName];
  if (prefix) {
    const key = `${prefix}${value}`;
    const catalogue = tMatching.catalogues[lang] as Record<string, string>;
    return key in catalogue ? tMatching(lang, key as MatchingKey) : value;
  }
  const type = (FACTS as Record<string, { type: string }>)[fact]?.type;
  const named = (item: { en: { name: string }; zh: { name: string } } | undefined) => item?.[lang].name ?? value;
  switch (type) {
    case 'industry': return named(store.get('industries', value) as never);
    case 'park': return named(store.get('parks', value) as never);
    case 'zone': return named(store.get('zones', value) as never);
    case 'district': return named(store.districts.find((d) => d.id === value));
    default: return value;
  }
}

/** Any answer or needed value in words: numbers grouped, yes/no, lists joined. */
export function anyValueWords(lang: Lang, store: ContentStore, fact: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return tMatching(lang, value ? 'profile.yes' : 'profile.no');
  if (typeof value === 'number') return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(value);
  if (Array.isArray(value)) return value.map((v) => anyValueWords(lang, store, fact, v) ?? '').join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return valueWords(lang, store, fact, String(value));
}
