/** Strings of the policy alerts (pages and e-mails), in messages.en.ts and messages.zh.ts. */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

export const t = defineMessages({ en, zh });
