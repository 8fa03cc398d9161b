/**
 * A fact's value in the investor's words: "Wholly foreign-owned enterprise", "Haidian District", "Yes" — never the
 * code the rules store ("wfoe", "haidian", true). Used by the API's reasons and by the pages alike.
 */
import type { ContentStore } from '../content/index.js';
import { numberFormat, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { BUSINESS_LINES, ENTITY_TYPES, FACTS, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES, type FactName } from '../content/index.js';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The label of a value of a fact whose values are a fixed list: the questionnaire's label of that choice. */
function choiceLabel(lang: Lang, fact: FactName, value: string): string | undefined {
  switch (fact) {
    case 'entity_type': return isOneOf(ENTITY_TYPES, value) ? t(lang, `profile.entity.${value}`) : undefined;
    case 'statuses': return isOneOf(STATUSES, value) ? t(lang, `profile.status.${value}`) : undefined;
    case 'investor_origin': return isOneOf(INVESTOR_ORIGINS, value) ? t(lang, `profile.origin.${value}`) : undefined;
    case 'investor_type': return isOneOf(INVESTOR_TYPES, value) ? t(lang, `profile.investorType.${value}`) : undefined;
    case 'business_lines': return isOneOf(BUSINESS_LINES, value) ? t(lang, `profile.businessLine.${value}`) : undefined;
    default: return undefined;
  }
}

/** A form label inside an English sentence: "Wholly foreign-owned enterprise" → "wholly …", but "R&D centre" stays. */
function inSentence(label: string, lang: Lang): string {
  return lang === 'en' && /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

function labelOfOne(store: ContentStore, lang: Lang, fact: FactName, value: string | number | boolean, sentence: boolean): string {
  if (typeof value === 'boolean') return t(lang, value ? 'profile.yes' : 'profile.no');
  if (typeof value === 'number') return numberFormat[lang].format(value);
  const type = (FACTS as Record<FactName, { type: string }>)[fact]?.type;
  const named = (kind: 'industries' | 'parks' | 'zones') => (store.get(kind, value) as { en: { name: string }; zh: { name: string } } | undefined)?.[lang].name;
  switch (type) {
    case 'industry': return named('industries') ?? value;
    case 'park': return named('parks') ?? value;
    case 'zone': return named('zones') ?? value;
    case 'district': return store.districts.find((d) => d.id === value)?.[lang].name ?? value;
  }
  const label = choiceLabel(lang, fact, value);
  if (label === undefined) return value;
  return sentence && fact !== 'investor_origin' ? inSentence(label, lang) : label;
}

/** The value in words, a list joined in the page's language; null for "no value" (a negated condition's need). */
export function factValueLabel(store: ContentStore, lang: Lang, fact: FactName, value: unknown, { inSentence: sentence = false } = {}): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => labelOfOne(store, lang, fact, v as string, sentence)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'object') {
    // A negated condition needs "anything but …".
    const inner = factValueLabel(store, lang, fact, (value as { not?: unknown }).not, { inSentence: sentence });
    return inner === null ? null : t(lang, 'match.notValue', { value: inner });
  }
  return labelOfOne(store, lang, fact, value as string | number | boolean, sentence);
}
