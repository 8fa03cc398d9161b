/** Strings of the project list, saved views, board and CSV (messages.list.en.ts / .zh.ts); shared words are in messages.ts. */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { listEn } from './messages.list.en.js';
import { listZh } from './messages.list.zh.js';

export const tList = defineMessages({ en: listEn, zh: listZh });
