/** The staff JSON API's own strings (messages.api.en.ts / .zh.ts): problem texts and the API clients' page. */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { apiEn } from './messages.api.en.js';
import { apiZh } from './messages.api.zh.js';

export const tApi = defineMessages({ en: apiEn, zh: apiZh });
