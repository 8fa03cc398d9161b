/** UI strings of Plan my investment, in messages.en.ts and messages.zh.ts; `t(lang, key)` accepts only their keys. */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

export const t = defineMessages({ en, zh });
