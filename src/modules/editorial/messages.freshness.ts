/** Strings of the freshness report and its CSV (messages.freshness.en.ts / .zh.ts). */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { freshnessEn } from './messages.freshness.en.js';
import { freshnessZh } from './messages.freshness.zh.js';

export const tFreshness = defineMessages({ en: freshnessEn, zh: freshnessZh });
