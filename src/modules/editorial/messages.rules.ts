/** Strings of the rule editor, the rule test profiles and the test runner (messages.rules.en.ts / .zh.ts). */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { rulesEn } from './messages.rules.en.js';
import { rulesZh } from './messages.rules.zh.js';

export const tRules = defineMessages({ en: rulesEn, zh: rulesZh });
