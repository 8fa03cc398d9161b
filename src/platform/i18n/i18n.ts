/**
 * UI strings. Content text comes from content/ in both languages; this catalogue holds only the interface's own words.
 * Plurals use the locale's rules (Intl.PluralRules), so "1 project" / "2 projects" and Chinese (no plural) both work.
 */
import { en } from './catalogue.en.js';
import { zh } from './catalogue.zh.js';

export { defineMessages, type ChineseMessages, type KeyOf, type KeySuffix, type MessageParams, type Translator } from './define-messages.js';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof en;


const catalogues: Record<Lang, Record<string, string>> = { en, zh };
const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), zh: new Intl.PluralRules('zh') };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** `t('en', 'projects.count', { count: 3 })`; a key ending in a plural category (".one", ".other") is chosen by count. */
export function t(lang: Lang, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const catalogue = catalogues[lang] as Record<string, string>;
  let message = catalogue[key];
  if (message === undefined && typeof params.count === 'number') {
    message = catalogue[`${key}.${pluralRules[lang].select(params.count)}`] ?? catalogue[`${key}.other`];
  }
  if (message === undefined) throw new Error(`Missing message "${key}" for ${lang}`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

export const numberFormat = {
  // Four digits keep figures such as 0.4883 yuan/kWh exact; integers show no decimals.
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 4 }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }),
} as const;

export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
