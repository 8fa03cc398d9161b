/**
 * UI strings. Content text comes from content/ in both languages; the interface's own words live with the code that
 * shows them: each module's messages.ts (defineMessages), and here the platform's — the layout, navigation, footer,
 * errors, forms, pagination and the tools' names the layout links to. Plurals use the locale's rules
 * (Intl.PluralRules), so "1 project" / "2 projects" and Chinese (no plural) both work.
 */
import { en } from './catalogue.en.js';
import { zh } from './catalogue.zh.js';
import { defineMessages } from './define-messages.js';

export { defineMessages, type ChineseMessages, type KeyOf, type KeySuffix, type MessageParams, type Translator } from './define-messages.js';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** The platform's strings: `t(lang, 'pagination.status', { page, pages })`; only their keys compile. */
export const t = defineMessages({ en, zh });

export const numberFormat = {
  // Four digits keep figures such as 0.4883 yuan/kWh exact; integers show no decimals.
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 4 }),
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }),
} as const;

export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
