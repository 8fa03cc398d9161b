/**
 * The choices of the project forms, in the page's language: content items (industries, districts, parks, FTZ
 * clusters, the 2025 conference's opportunities), countries and regions of origin, and common currencies.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { isRegionCode } from '../project-input.js';

export interface Choice {
  value: string;
  label: string;
}
export interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

const collators: Record<Lang, Intl.Collator> = { en: new Intl.Collator('en'), zh: new Intl.Collator('zh-CN') };
const byLabel = (lang: Lang) => (a: Choice, b: Choice) => collators[lang].compare(a.label, b.label);
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

// Codes Intl names that are not countries or regions an investor comes from: groupings (EU, UN…), CLDR's
// reservations (Ascension, Canary Islands…), test codes, and codes ISO 3166-1 has withdrawn (UK, YU, SU…).
const NOT_ORIGINS = new Set('AC CP CQ DG EA IC TA EU EZ UN QO XA XB ZZ AN BU CS DD DY FX HV NH RH SU TP UK VD YD YU ZR'.split(' '));
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Every code investorSchema accepts (CN excluded there: a domestic investor is not the pipeline's). */
const ORIGIN_CODES = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).filter((code) => !NOT_ORIGINS.has(code) && isRegionCode(code));

const regionNames: Record<Lang, Intl.DisplayNames> = {
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }),
  zh: new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'code' }),
};
export const regionName = (lang: Lang, code: string): string => regionNames[lang].of(code) ?? code;

const originCache = new Map<Lang, Choice[]>();
export function originChoices(lang: Lang): Choice[] {
  if (!originCache.has(lang)) originCache.set(lang, ORIGIN_CODES.map((code) => ({ value: code, label: regionName(lang, code) })).sort(byLabel(lang)));
  return originCache.get(lang)!;
}

/** The currencies investors in Beijing use most; any other ISO 4217 code may be typed. */
export const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD', 'KRW', 'SGD', 'CHF', 'TWD', 'MOP', 'AUD', 'CAD', 'SEK', 'DKK', 'NOK', 'AED', 'SAR', 'INR', 'THB', 'MYR', 'NZD'] as const;
const currencyNames: Record<Lang, Intl.DisplayNames> = {
  en: new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' }),
  zh: new Intl.DisplayNames(['zh-CN'], { type: 'currency', fallback: 'code' }),
};
export const currencyChoices = (lang: Lang): Choice[] => COMMON_CURRENCIES.map((code) => ({ value: code, label: `${code} · ${currencyNames[lang].of(code) ?? code}` }));

const formats = new Map<string, Intl.NumberFormat>();
/** An exact decimal (as the database returns it) with its currency, in the page's language. */
export function formatAmount(lang: Lang, amount: string, currency: string | null): string {
  const key = `${lang}:${currency ?? ''}`;
  if (!formats.has(key)) {
    formats.set(key, currency ? new Intl.NumberFormat(locale(lang), { style: 'currency', currency, currencyDisplay: 'code' }) : new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }));
  }
  // Intl formats a decimal string exactly (no float on the way), as money must be.
  return formats.get(key)!.format(amount as unknown as number);
}

export const districtChoices = (store: ContentStore, lang: Lang): Choice[] => store.districts.map((d) => ({ value: d.id, label: d[lang].name }));

export const industryChoices = (store: ContentStore, lang: Lang): Choice[] => store.all('industries').map((i) => ({ value: i.id, label: i[lang].name })).sort(byLabel(lang));

export function parkChoices(store: ContentStore, lang: Lang): Choice[] {
  const district = (id: string) => store.get('districts', id)?.[lang].name ?? id;
  return store
    .all('parks')
    .map((p) => ({ value: p.id, label: p.districts.length ? `${p[lang].name} (${p.districts.map(district).join(lang === 'zh' ? '、' : ', ')})` : p[lang].name }))
    .sort(byLabel(lang));
}

export const ftzClusterChoices = (store: ContentStore, lang: Lang): Choice[] =>
  store.all('zones').filter((z) => z.zone_type === 'ftz_cluster').map((z) => ({ value: z.id, label: z[lang].name })).sort(byLabel(lang));

/** The conference's opportunities by district, as printed: number and name. */
export function opportunityGroups(store: ContentStore, lang: Lang): ChoiceGroup[] {
  return store.districts
    .map((d) => ({
      label: d[lang].name,
      choices: store.all('projects').filter((p) => p.district === d.id).sort((a, b) => a.number - b.number).map((p) => ({ value: p.id, label: `${p.number}. ${p[lang].name}` })),
    }))
    .filter((group) => group.choices.length > 0);
}
