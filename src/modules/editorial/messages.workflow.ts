/**
 * Strings of the workflow pages — the revision page with its diff and actions, the review queue, expiry and
 * verification (messages.workflow.en.ts / .zh.ts; kinds, states, origins and refusals are messages.ts's).
 */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { workflowEn } from './messages.workflow.en.js';
import { workflowZh } from './messages.workflow.zh.js';

export const tWorkflow = defineMessages({ en: workflowEn, zh: workflowZh });
