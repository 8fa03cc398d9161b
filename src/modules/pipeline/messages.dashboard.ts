/**
 * Strings of the pipeline dashboard and its CSV (messages.dashboard.en.ts / .zh.ts; stages, statuses, kinds and
 * sources are the shared words of messages.ts), and how the dashboard writes its numbers in the page's language:
 * counts and amounts with the locale's grouping (amounts exactly, from their decimal text), rates in per cent and
 * days with one decimal.
 */
import { defineMessages, type Lang } from '../../platform/i18n/i18n.js';
import { dashboardEn } from './messages.dashboard.en.js';
import { dashboardZh } from './messages.dashboard.zh.js';

export const tDashboard = defineMessages({ en: dashboardEn, zh: dashboardZh });

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');
const formats = {
  en: { count: new Intl.NumberFormat('en'), amount: new Intl.NumberFormat('en', { maximumFractionDigits: 2 }), one: new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
  zh: { count: new Intl.NumberFormat(locale('zh')), amount: new Intl.NumberFormat(locale('zh'), { maximumFractionDigits: 2 }), one: new Intl.NumberFormat(locale('zh'), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) },
};

export const countText = (lang: Lang, n: number): string => formats[lang].count.format(n);

/** An amount's exact decimal text ("93600000.00") grouped by the locale; Intl formats the string without a float. */
export const amountText = (lang: Lang, amount: string): string => formats[lang].amount.format(amount as unknown as number);

/** A share (0–1) in per cent with one decimal, "76.4 %". */
export const percentText = (lang: Lang, share: number): string => tDashboard(lang, 'pipeline.dashboard.percent', { value: formats[lang].one.format(share * 100) });

export const daysText = (lang: Lang, days: number): string => formats[lang].one.format(days);

/** A share in per cent rounded to one decimal, as a number (for the CSV). */
export const percentValue = (share: number): number => Math.round(share * 1000) / 10;
export const daysValue = (days: number): number => Math.round(days * 10) / 10;
