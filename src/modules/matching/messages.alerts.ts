/**
 * Strings of the policy-alert form (messages.alerts.en.ts / .zh.ts). The form sits under the results of Policies for
 * me and the plan, so it lives here; the alerts module, which receives it, shows it again with its errors.
 */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { alertFormEn } from './messages.alerts.en.js';
import { alertFormZh } from './messages.alerts.zh.js';

export const tAlertForm = defineMessages({ en: alertFormEn, zh: alertFormZh });
