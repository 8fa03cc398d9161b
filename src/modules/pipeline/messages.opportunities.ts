/** Strings of the staff pages of the conference opportunities (messages.opportunities.en.ts / .zh.ts). */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { opportunitiesEn } from './messages.opportunities.en.js';
import { opportunitiesZh } from './messages.opportunities.zh.js';

export const tOpportunities = defineMessages({ en: opportunitiesEn, zh: opportunitiesZh });
