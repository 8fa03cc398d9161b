/** UI strings of the service line, in messages.en.ts and messages.zh.ts; `t(lang, key)` accepts only their keys. */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';
import { reportsEn } from './messages.reports.en.js';
import { reportsZh } from './messages.reports.zh.js';

export const t = defineMessages({ en, zh });

/** The reports' strings (dashboard, drill-down lists, CSV files, public performance page): messages.reports.*.ts. */
export const tReports = defineMessages({ en: reportsEn, zh: reportsZh });
