/**
 * Words of the generated content forms: every field's label and, where a field needs it, its help
 * (messages.fields.en.ts / .zh.ts, by field name with per-kind overrides `editorial.field.<kind>.<name>`), and the
 * forms' and browsing pages' own strings (schema-form/forms.en.ts / .zh.ts).
 */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { fieldsEn } from './messages.fields.en.js';
import { fieldsZh } from './messages.fields.zh.js';
import { formsEn } from './schema-form/forms.en.js';
import { formsZh } from './schema-form/forms.zh.js';

export const tForms = defineMessages({ en: { ...fieldsEn, ...formsEn }, zh: { ...fieldsZh, ...formsZh } });
