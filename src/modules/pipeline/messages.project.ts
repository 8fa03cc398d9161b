/** The project pages' own strings (messages.project.en.ts / .zh.ts); shared words (stages, fields…) are in messages.ts. */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { projectEn } from './messages.project.en.js';
import { projectZh } from './messages.project.zh.js';

export const tProject = defineMessages({ en: projectEn, zh: projectZh });
